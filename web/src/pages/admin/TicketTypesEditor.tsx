import { useState } from 'react';
import type { GradePrice, TicketTypeInput, TicketTypeOffer } from '../../api/types.ts';
import { errorId, invalidProps } from '../../api/fieldErrors.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FieldMessage } from '../../components/States.tsx';
import { ADULT, TICKET_TYPE_PRESETS, ticketTypePrice } from '../../lib/ticket-types.ts';

/** The most types a performance may list besides ADULT (the server's `maxItems`). */
const MAX_TYPES = 10;
const CUSTOM = 'CUSTOM';

/** One discount as the admin edits it; `key` keeps React's rows apart while codes are being typed. */
export interface TicketTypeRow {
  key: number;
  code: string;
  name: string;
  discountPercent: number;
  proofRequired: boolean;
  proofNote: string;
}

let lastKey = 0;
const newKey = (): number => ++lastKey;

/** The editor's rows for a performance's published types (ADULT is the list price, never a row). */
export function rowsOf(types: TicketTypeOffer[]): TicketTypeRow[] {
  return types
    .filter((t) => t.code !== ADULT)
    .map((t) => ({
      key: newKey(),
      code: t.code,
      name: t.name,
      discountPercent: t.discountPercent,
      proofRequired: t.proofRequired,
      proofNote: t.proofNote ?? '',
    }));
}

/** The rows as the API takes them. */
export function inputsOf(rows: TicketTypeRow[]): TicketTypeInput[] {
  return rows.map((r) => ({
    code: r.code.trim(),
    name: r.name.trim(),
    discountPercent: r.discountPercent,
    proofRequired: r.proofRequired,
    proofNote: r.proofNote.trim() || null,
  }));
}

const validPercent = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 100;

/**
 * The discounts a performance sells besides the list price: a preset (청소년, 장애인, 국가유공자) or
 * the theatre's own, each with the price per grade it comes to, by the rule checkout charges.
 */
export function TicketTypesEditor({
  rows,
  onChange,
  grades,
  errors,
  listError,
}: {
  rows: TicketTypeRow[];
  onChange: (rows: TicketTypeRow[]) => void;
  /** The grade prices as typed above, for the preview. */
  grades: GradePrice[];
  /** Row messages keyed `ticketTypes.<i>.<field>` (rowErrors). */
  errors: Record<string, string>;
  /** A message about the list as a whole (too many types). */
  listError: string | undefined;
}) {
  const { t, price } = useI18n();
  const presets = TICKET_TYPE_PRESETS.filter((p) => !rows.some((r) => r.code === p.code));
  const [picked, setPicked] = useState<string>(presets[0]?.code ?? CUSTOM);
  const pick =
    picked === CUSTOM || presets.some((p) => p.code === picked) ? picked : (presets[0]?.code ?? CUSTOM);
  const full = rows.length >= MAX_TYPES;

  const update = (key: number, patch: Partial<TicketTypeRow>): void =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const focusLater = (id: string): void => {
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  };
  const add = (): void => {
    const preset = TICKET_TYPE_PRESETS.find((p) => p.code === pick);
    const key = newKey();
    const row: TicketTypeRow = preset
      ? { key, ...preset, proofRequired: true }
      : { key, code: '', name: '', discountPercent: 10, proofRequired: false, proofNote: '' };
    onChange([...rows, row]);
    focusLater(preset ? `tt-${key}-percent` : `tt-${key}-code`);
  };
  const remove = (key: number): void => {
    onChange(rows.filter((r) => r.key !== key));
    focusLater('tt-pick');
  };

  return (
    <fieldset className="ticket-types" aria-describedby="tt-hint">
      <legend>{t('admin.ticketTypes')}</legend>
      <p id="tt-hint" className="muted small">
        {t('admin.ticketTypesHint')}
      </p>
      {rows.length === 0 && <p className="small">{t('admin.ticketTypesNone')}</p>}
      {rows.map((r, i) => {
        const id = (field: string) => `tt-${r.key}-${field}`;
        const key = (field: string) => `ticketTypes.${i}.${field}`;
        const label = r.name.trim() || r.code.trim() || t('admin.ticketTypeNew');
        return (
          <div key={r.key} role="group" aria-label={label} className="ticket-type-row">
            <div className="row">
              <label>
                {t('admin.ticketTypeCode')}
                <input
                  id={id('code')}
                  value={r.code}
                  autoCapitalize="characters"
                  spellCheck={false}
                  placeholder="STUDENT"
                  maxLength={24}
                  {...invalidProps(errors, key('code'), 'tt-code-hint')}
                  onChange={(e) => update(r.key, { code: e.target.value.toUpperCase() })}
                />
                <FieldMessage id={errorId(key('code'))} message={errors[key('code')]} />
              </label>
              <label>
                {t('admin.ticketTypeName')}
                <input
                  id={id('name')}
                  value={r.name}
                  maxLength={40}
                  {...invalidProps(errors, key('name'))}
                  onChange={(e) => update(r.key, { name: e.target.value })}
                />
                <FieldMessage id={errorId(key('name'))} message={errors[key('name')]} />
              </label>
              <label className="percent">
                {t('admin.discountPercent')}
                <input
                  id={id('percent')}
                  type="number"
                  min={1}
                  max={100}
                  value={Number.isNaN(r.discountPercent) ? '' : r.discountPercent}
                  {...invalidProps(errors, key('discountPercent'))}
                  onChange={(e) => update(r.key, { discountPercent: e.target.valueAsNumber })}
                />
                <FieldMessage id={errorId(key('discountPercent'))} message={errors[key('discountPercent')]} />
              </label>
            </div>
            <label className="check">
              <input
                type="checkbox"
                checked={r.proofRequired}
                onChange={(e) => update(r.key, { proofRequired: e.target.checked })}
              />
              {t('admin.proofRequired')}
            </label>
            <label>
              {t('admin.proofNote')}
              <input
                value={r.proofNote}
                maxLength={200}
                placeholder={t('admin.proofNotePlaceholder')}
                {...invalidProps(errors, key('proofNote'))}
                onChange={(e) => update(r.key, { proofNote: e.target.value })}
              />
              <FieldMessage id={errorId(key('proofNote'))} message={errors[key('proofNote')]} />
            </label>
            <p className="small ticket-type-preview" data-testid="ticket-type-preview">
              {validPercent(r.discountPercent) && grades.length > 0
                ? `${t('admin.ticketTypePreview')}: ` +
                  grades
                    .map(
                      (g) =>
                        `${t('detail.gradeSeat', { grade: g.grade })} ${price(ticketTypePrice(g.price, r.discountPercent))}`,
                    )
                    .join(' · ')
                : t('admin.ticketTypePreviewNone')}
            </p>
            <button
              type="button"
              className="btn danger small"
              aria-label={`${label} ${t('action.delete')}`}
              onClick={() => remove(r.key)}
            >
              {t('action.delete')}
            </button>
          </div>
        );
      })}
      {rows.length > 0 && (
        <p id="tt-code-hint" className="muted small">
          {t('admin.ticketTypeCodeHint')}
        </p>
      )}
      <div className="row">
        <label>
          {t('admin.ticketTypePick')}
          <select id="tt-pick" value={pick} disabled={full} onChange={(e) => setPicked(e.target.value)}>
            {presets.map((p) => (
              <option key={p.code} value={p.code}>
                {t('admin.ticketTypePreset', { name: p.name, percent: p.discountPercent })}
              </option>
            ))}
            <option value={CUSTOM}>{t('admin.ticketTypeCustom')}</option>
          </select>
        </label>
        <button type="button" className="btn secondary" disabled={full} onClick={add}>
          {t('admin.ticketTypeAdd')}
        </button>
      </div>
      {full && <p className="small muted">{t('admin.ticketTypesFull', { n: MAX_TYPES })}</p>}
      <FieldMessage id={errorId('ticketTypes')} message={listError} />
    </fieldset>
  );
}
