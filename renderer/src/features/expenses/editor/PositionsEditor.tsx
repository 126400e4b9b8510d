import { bpToRate } from '../../../../../shared/domain/vat';
import { useFormat } from '../../../lib/format';
import { Icon } from '../../../ui/Icon';
import { blankPosition, draftTotals, type Draft, type DraftPosition } from './draft';

interface PositionsEditorProps {
  draft: Draft;
  errors: Readonly<Record<string, string>>;
  onChange(positions: DraftPosition[]): void;
}

/** Line items with their VAT, and the totals they add up to, recomputed on every keystroke. */
export function PositionsEditor({ draft, errors, onChange }: PositionsEditorProps) {
  const fmt = useFormat();
  const { totals, byRate } = draftTotals(draft);
  const { positions, currency } = draft;

  const update = (key: string, change: Partial<DraftPosition>) => onChange(positions.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const remove = (key: string) => onChange(positions.filter((p) => p.key !== key));
  const add = () => onChange([...positions, blankPosition(positions.at(-1)?.vatRate ?? '')]);

  return (
    <fieldset className="positions" data-testid="positions">
      <legend className="field__label">Positions</legend>
      {errors.positions && (
        <p className="field__error" data-testid="field-error">
          {errors.positions}
        </p>
      )}
      <div className="positions__head" aria-hidden="true">
        <span>Description</span>
        <span className="align-end">Amount</span>
        <span className="align-end">VAT %</span>
        <span />
        <span />
      </div>
      {positions.map((p, i) => {
        const n = i + 1;
        const error = (field: string) => errors[`positions.${p.key}.${field}`];
        const rowErrors = ['description', 'total', 'vatRate', 'mode'].map(error).filter(Boolean);
        return (
          <div key={p.key} className="positions__row" data-testid="position-row">
            <input
              className="input"
              placeholder={n === 1 ? 'What was bought' : ''}
              aria-label={`Position ${n} description`}
              value={p.description}
              aria-invalid={!!error('description')}
              onChange={(e) => update(p.key, { description: e.target.value })}
              data-testid="position-description"
            />
            <input
              className="input input--amount"
              inputMode="decimal"
              placeholder="0.00"
              aria-label={`Position ${n} amount in ${currency}`}
              value={p.amount}
              aria-invalid={!!error('total')}
              onChange={(e) => update(p.key, { amount: e.target.value })}
              data-testid="position-amount"
            />
            <input
              className="input input--amount"
              inputMode="decimal"
              placeholder="0"
              aria-label={`Position ${n} VAT rate in percent`}
              value={p.vatRate}
              aria-invalid={!!error('vatRate')}
              onChange={(e) => update(p.key, { vatRate: e.target.value })}
              data-testid="position-rate"
            />
            <select
              className="input"
              aria-label={`Position ${n}: amount includes or excludes VAT`}
              value={p.mode}
              onChange={(e) => update(p.key, { mode: e.target.value as DraftPosition['mode'] })}
              data-testid="position-mode"
            >
              <option value="inclusive">incl.</option>
              <option value="exclusive">excl.</option>
            </select>
            <button type="button" className="icon-button" aria-label={`Remove position ${n}`} onClick={() => remove(p.key)} data-testid="remove-position">
              <Icon name="x" />
            </button>
            {rowErrors.length > 0 && (
              <p className="field__error positions__error" data-testid="field-error">
                {rowErrors.join(' · ')}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" className="button button--ghost button--small" onClick={add} data-testid="add-position">
        <Icon name="plus" />
        Add position
      </button>

      <dl className="totals" aria-label="Totals" data-testid="totals">
        {byRate.length > 1 &&
          byRate.map((r) => (
            <div key={r.vatRateBp} className="totals__line totals__line--rate">
              <dt>
                VAT {bpToRate(r.vatRateBp)}% on {fmt.money(r.net, currency)}
              </dt>
              <dd>{fmt.money(r.tax, currency)}</dd>
            </div>
          ))}
        <div className="totals__line">
          <dt>Net</dt>
          <dd data-testid="totals-net">{fmt.money(totals.net, currency)}</dd>
        </div>
        <div className="totals__line">
          <dt>VAT</dt>
          <dd data-testid="totals-tax">{fmt.money(totals.tax, currency)}</dd>
        </div>
        <div className="totals__line totals__line--gross">
          <dt>Total</dt>
          <dd data-testid="totals-gross">{fmt.money(totals.gross, currency)}</dd>
        </div>
      </dl>
    </fieldset>
  );
}
