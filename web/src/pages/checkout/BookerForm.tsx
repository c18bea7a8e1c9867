import { useI18n } from '../../i18n/index.tsx';
import { MOBILE } from './order.ts';

export interface BookerInput {
  name: string;
  phone: string;
}

export function bookerValid(b: BookerInput): boolean {
  return b.name.trim().length > 0 && b.name.trim().length <= 40 && MOBILE.test(b.phone.trim());
}

/** 예매자 정보: the name and mobile number the box office calls about this booking (both required). */
export function BookerForm({
  value,
  onChange,
  disabled,
}: {
  value: BookerInput;
  onChange: (next: BookerInput) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const phoneBad = value.phone.trim() !== '' && !MOBILE.test(value.phone.trim());
  return (
    <fieldset className="booker" disabled={disabled} data-testid="booker">
      <legend>{t('checkout.booker')}</legend>
      <label className="field">
        <span>{t('checkout.bookerName')}</span>
        <input
          name="bookerName"
          autoComplete="name"
          required
          maxLength={40}
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('checkout.bookerPhone')}</span>
        <input
          name="bookerPhone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          required
          placeholder="010-1234-5678"
          aria-invalid={phoneBad}
          aria-describedby="booker-phone-hint"
          value={value.phone}
          onChange={(e) => onChange({ ...value, phone: e.target.value })}
        />
      </label>
      <p id="booker-phone-hint" className={phoneBad ? 'field-error small' : 'muted small'}>
        {phoneBad ? t('checkout.bookerPhoneBad') : t('checkout.bookerHint')}
      </p>
    </fieldset>
  );
}
