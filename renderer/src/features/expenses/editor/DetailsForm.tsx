import { PAYMENT_METHODS } from '../../../../../shared/contract';
import { formatIban, isValidIban } from '../../../../../shared/domain/bank';
import { useCategories, useTags } from '../../../lib/queries';
import { CategoryDot } from '../../../ui/CategoryLabel';
import { Field } from '../../../ui/Field';
import { TagInput } from '../../../ui/TagInput';
import { PAYMENT_METHOD_LABEL, TYPE_LABEL } from '../labels';
import type { Draft } from './draft';
import { PositionsEditor } from './PositionsEditor';
import { VendorNameInput } from './VendorNameInput';
import { CategoryOptions, CurrencyOptions } from '../../../ui/Options';

interface DetailsFormProps {
  draft: Draft;
  errors: Readonly<Record<string, string>>;
  update(change: Partial<Draft>): void;
  readOnly: boolean;
  isNew: boolean;
}

export function DetailsForm({ draft, errors, update, readOnly, isNew }: DetailsFormProps) {
  const categories = useCategories().data ?? [];
  const tagSuggestions = (useTags().data ?? []).map((t) => t.name);
  const category = categories.find((c) => c.id === draft.categoryId);
  const text = (key: keyof Draft) => ({
    value: draft[key] as string,
    onChange: (e: { target: { value: string } }) => update({ [key]: e.target.value }),
  });

  return (
    // A disabled fieldset makes every control inside read-only in one place.
    <fieldset className="details" disabled={readOnly}>
      <legend className="visually-hidden">Expense details</legend>

      <div className="field">
        <span className="field__label" id="expense-type-label">
          Type
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="expense-type-label">
          {(['receipt', 'invoice'] as const).map((type) => (
            <label key={type} className={draft.type === type ? 'segmented__option is-on' : 'segmented__option'} data-testid={`type-${type}`}>
              <input type="radio" name="expense-type" value={type} checked={draft.type === type} onChange={() => update({ type })} />
              {TYPE_LABEL[type]}
            </label>
          ))}
        </div>
        {isNew && (
          <p className="field__hint">
            {draft.type === 'receipt' ? 'A receipt is already paid: it is filed as approved and paid.' : 'An invoice starts as a draft and waits for review.'}
          </p>
        )}
      </div>

      <div className="field-row">
        <Field label="Vendor" error={errors['vendor.name'] ?? errors.vendor}>
          {(control) => (
            <VendorNameInput
              {...control}
              value={draft.vendorName}
              disabled={readOnly}
              onChange={(vendorName) => update({ vendorName })}
              onKnownVendor={(v) =>
                update({
                  vendorAddress: draft.vendorAddress || v.address || '',
                  vendorIban: draft.vendorIban || v.iban || '',
                  vendorBic: draft.vendorBic || v.bic || '',
                  vendorVatId: draft.vendorVatId || v.vatId || '',
                })
              }
            />
          )}
        </Field>
        <Field label="Title" error={errors.title}>
          {(control) => <input {...control} className="input" placeholder="e.g. Printer paper" {...text('title')} data-testid="expense-title" />}
        </Field>
      </div>

      <div className="field-row">
        <Field label="Issue date" error={errors.issuedAt} required>
          {(control) => <input {...control} type="date" className="input" required {...text('issuedAt')} data-testid="issued-at" />}
        </Field>
        {draft.type === 'invoice' ? (
          <Field label="Due date" error={errors.dueAt}>
            {(control) => <input {...control} type="date" className="input" {...text('dueAt')} data-testid="due-at" />}
          </Field>
        ) : (
          <div />
        )}
      </div>

      <div className="field-row">
        <Field label="Currency" error={errors.currency}>
          {(control) => (
            <select {...control} className="input" {...text('currency')} data-testid="currency">
              <CurrencyOptions />
            </select>
          )}
        </Field>
        <Field label="Payment method" error={errors.paymentMethod} required={draft.type === 'receipt'}>
          {(control) => (
            <select {...control} className="input" {...text('paymentMethod')} data-testid="payment-method">
              <option value="">{draft.type === 'receipt' ? 'Choose…' : 'Not set'}</option>
              {PAYMENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {PAYMENT_METHOD_LABEL[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <PositionsEditor draft={draft} errors={errors} onChange={(positions) => update({ positions })} />

      <Field label="Category" error={errors.categoryId}>
        {(control) => (
          <div className="with-adornment">
            {category && <CategoryDot color={category.color} />}
            <select {...control} className="input" {...text('categoryId')} data-testid="category-select">
              <CategoryOptions categories={categories} />
            </select>
          </div>
        )}
      </Field>

      <Field label="Tags" error={errors.tags}>
        {(control) => (
          <TagInput
            id={control.id}
            describedBy={control['aria-describedby']}
            value={draft.tags}
            suggestions={tagSuggestions}
            onChange={(tags) => update({ tags })}
            disabled={readOnly}
          />
        )}
      </Field>

      <div className="field-row">
        <Field label="Project" error={errors.project}>
          {(control) => <input {...control} className="input" {...text('project')} data-testid="project" />}
        </Field>
        <Field label="Customer" error={errors.customer}>
          {(control) => <input {...control} className="input" {...text('customer')} data-testid="customer" />}
        </Field>
      </div>

      <div className="field-row">
        <Field label="Reference" error={errors.reference} hint="Invoice number or payment reference">
          {(control) => <input {...control} className="input" {...text('reference')} data-testid="reference" />}
        </Field>
        <div className="field field--checkbox">
          <label className="checkbox-label">
            <input type="checkbox" className="checkbox" checked={draft.billable} onChange={(e) => update({ billable: e.target.checked })} data-testid="billable" />
            Billable to a customer
          </label>
        </div>
      </div>

      <Field label="Notes" error={errors.notes}>
        {(control) => <textarea {...control} className="input" rows={3} {...text('notes')} data-testid="notes" />}
      </Field>

      <details className="details__vendor" open={Object.keys(errors).some((k) => k.startsWith('vendor.') && k !== 'vendor.name') || undefined}>
        <summary>Vendor details</summary>
        <Field label="Address" error={errors['vendor.address']}>
          {(control) => <textarea {...control} className="input" rows={2} {...text('vendorAddress')} data-testid="vendor-address" />}
        </Field>
        <div className="field-row">
          <Field
            label="IBAN"
            error={errors['vendor.iban']}
            hint={draft.vendorIban.trim() && !isValidIban(draft.vendorIban) ? 'This does not look like a valid IBAN' : undefined}
          >
            {(control) => (
              <input
                {...control}
                className="input input--mono"
                spellCheck={false}
                {...text('vendorIban')}
                onBlur={() => isValidIban(draft.vendorIban) && update({ vendorIban: formatIban(draft.vendorIban.replace(/\s+/g, '').toUpperCase()) })}
                data-testid="vendor-iban"
              />
            )}
          </Field>
          <Field label="BIC" error={errors['vendor.bic']}>
            {(control) => <input {...control} className="input input--mono" spellCheck={false} {...text('vendorBic')} data-testid="vendor-bic" />}
          </Field>
        </div>
        <Field label="VAT number" error={errors['vendor.vatId']}>
          {(control) => <input {...control} className="input" {...text('vendorVatId')} data-testid="vendor-vat-id" />}
        </Field>
      </details>
    </fieldset>
  );
}
