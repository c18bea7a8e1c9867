import { useI18n } from '../../i18n/index.tsx';

/** The methods offered, as PortOne v2 names them; easy pay is one choice per provider. */
export const PAY_CHOICES = [
  'CARD',
  'KAKAOPAY',
  'TOSSPAY',
  'NAVERPAY',
  'TRANSFER',
  'VIRTUAL_ACCOUNT',
] as const;
export type PayChoice = (typeof PAY_CHOICES)[number];

/** The reservation body's fields for a choice: `payMethod` and, for easy pay, `easyPayProvider`. */
export function payFields(choice: PayChoice): {
  payMethod: 'CARD' | 'EASY_PAY' | 'TRANSFER' | 'VIRTUAL_ACCOUNT';
  easyPayProvider?: 'KAKAOPAY' | 'TOSSPAY' | 'NAVERPAY';
} {
  if (choice === 'KAKAOPAY' || choice === 'TOSSPAY' || choice === 'NAVERPAY') {
    return { payMethod: 'EASY_PAY', easyPayProvider: choice };
  }
  return { payMethod: choice };
}

/** A radio group of payment methods; a virtual account says what waiting for the deposit means. */
export function PayMethodPicker(props: {
  value: PayChoice;
  onChange: (choice: PayChoice) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="pay-methods" disabled={props.disabled} data-testid="pay-methods">
      <legend>{t('pay.method')}</legend>
      {PAY_CHOICES.map((choice) => (
        <label key={choice} className="pay-option">
          <input
            type="radio"
            name="payMethod"
            value={choice}
            checked={props.value === choice}
            onChange={() => props.onChange(choice)}
          />
          <span>{t(`pay.${choice}`)}</span>
        </label>
      ))}
      {props.value === 'VIRTUAL_ACCOUNT' && <p className="muted small pay-hint">{t('pay.vaHint')}</p>}
    </fieldset>
  );
}
