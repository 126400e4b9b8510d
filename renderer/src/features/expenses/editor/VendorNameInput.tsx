import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { Output } from '../../../../../shared/contract';
import { invoke, queryKeys } from '../../../lib/api';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import type { ControlProps } from '../../../ui/Field';

type Vendor = Output<'vendors.list'>[number];

interface VendorNameInputProps extends ControlProps {
  value: string;
  disabled: boolean;
  onChange(name: string): void;
  /** A known vendor was picked by its exact name, so its details can fill in. */
  onKnownVendor(vendor: Vendor): void;
}

/** The vendor's name, suggesting vendors already on file. */
export function VendorNameInput({ value, disabled, onChange, onKnownVendor, ...control }: VendorNameInputProps) {
  const listId = useId();
  const search = useDebouncedValue(value.trim(), 200);
  const { data: vendors = [] } = useQuery({
    queryKey: queryKeys.vendors(search),
    queryFn: () => invoke('vendors.list', { search: search || undefined, limit: 8 }),
    enabled: !disabled,
  });

  return (
    <>
      <input
        {...control}
        className="input"
        list={listId}
        value={value}
        disabled={disabled}
        autoComplete="off"
        placeholder="Who was paid"
        onChange={(e) => {
          onChange(e.target.value);
          const known = vendors.find((v) => v.name === e.target.value);
          if (known) onKnownVendor(known);
        }}
        data-testid="vendor-name"
      />
      <datalist id={listId}>
        {vendors.map((v) => (
          <option key={v.id} value={v.name} />
        ))}
      </datalist>
    </>
  );
}
