import { useI18n } from '../../i18n/index.tsx';

export interface RefundAccountInput {
  bank: string;
  number: string;
  holder: string;
}

const BANKS = ['KOOKMIN', 'SHINHAN', 'WOORI', 'HANA', 'NONGHYUP', 'IBK'] as const;

export const refundAccountValid = (a: RefundAccountInput): boolean =>
  /^[0-9-]{6,30}$/.test(a.number.trim()) && a.holder.trim().length > 0;

/** Where a bank-deposit (virtual account) payment is refunded: bank, account number, holder. */
export function RefundAccountForm(props: {
  value: RefundAccountInput;
  onChange: (value: RefundAccountInput) => void;
}) {
  const { t } = useI18n();
  const set = (part: Partial<RefundAccountInput>) => props.onChange({ ...props.value, ...part });
  return (
    <fieldset className="refund-account" data-testid="refund-account">
      <legend>{t('refundAccount.title')}</legend>
      <p className="muted small">{t('refundAccount.hint')}</p>
      <label>
        <span>{t('refundAccount.bank')}</span>
        <select value={props.value.bank} onChange={(e) => set({ bank: e.target.value })}>
          {BANKS.map((bank) => (
            <option key={bank} value={bank}>
              {t(`bank.${bank}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('refundAccount.number')}</span>
        <input
          inputMode="numeric"
          autoComplete="off"
          value={props.value.number}
          onChange={(e) => set({ number: e.target.value })}
        />
      </label>
      <label>
        <span>{t('refundAccount.holder')}</span>
        <input
          autoComplete="name"
          value={props.value.holder}
          onChange={(e) => set({ holder: e.target.value })}
        />
      </label>
    </fieldset>
  );
}
