import type { Category } from '../../../shared/contract';

export function CategoryDot({ color }: { color: string }) {
  return <span className="category-dot" style={{ backgroundColor: color }} aria-hidden="true" />;
}

export function CategoryLabel({ category }: { category: Category | undefined }) {
  if (!category) return <span className="muted">Uncategorized</span>;
  return (
    <span className="category-label">
      <CategoryDot color={category.color} />
      <span className="truncate">{category.name}</span>
    </span>
  );
}
