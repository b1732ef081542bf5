import { Select } from 'antd';
import type { StatusKind } from '@ansinh/domain';
import { useLang, useT } from '../../kernel/i18n';
import type { DebouncedParam, UrlFilters } from '../../kernel/urlFilters';
import { AreaCodeInput, isAreaCode } from '../areas';
import { categoryOptions, isStatusKind, useOptions } from './shared';

/** Half a code would filter on nothing: only whole codes (or nothing) reach the URL. */
export const acceptAreaCode = (v: string) => v === '' || isAreaCode(v);

/** The filters the persons and households lists share, read from the query string. */
export function searchFilterOf(params: URLSearchParams) {
  const statusKind = params.get('statusKind');
  const areaCode = params.get('areaCode');
  const kind = isStatusKind(statusKind) ? statusKind : undefined;
  return {
    q: params.get('q') || undefined,
    areaCode: areaCode && isAreaCode(areaCode) ? areaCode : undefined,
    statusKind: kind,
    // A category means nothing without its kind.
    category: kind ? params.get('category') || undefined : undefined,
  };
}

/**
 * Area, status kind and category: the filters both registry lists start with. Choosing another
 * kind clears the category, which belongs to the kind.
 */
export function AreaStatusFilters({
  testIds,
  area,
  filter,
  update,
}: {
  testIds: { area: string; kind: string; category: string };
  area: DebouncedParam;
  filter: { statusKind?: StatusKind; category?: string };
  update: UrlFilters['update'];
}) {
  const t = useT();
  const { lang } = useLang();
  const o = useOptions();
  return (
    <>
      <AreaCodeInput
        testId={testIds.area}
        placeholder={t('persons.filter.area')}
        value={area.text}
        allowClear
        onChange={area.setText}
        style={{ width: 240 }}
      />
      <Select
        data-testid={testIds.kind}
        aria-label={t('persons.filter.statusKind')}
        placeholder={t('persons.filter.statusKind')}
        allowClear
        options={o.statusKinds}
        value={filter.statusKind}
        onChange={(v?: string) => update({ statusKind: v, category: undefined })}
        popupMatchSelectWidth={false}
        style={{ width: 220 }}
      />
      <Select
        data-testid={testIds.category}
        aria-label={t('persons.filter.category')}
        placeholder={filter.statusKind ? t('persons.filter.category') : t('persons.filter.categoryFirst')}
        allowClear
        disabled={!filter.statusKind}
        options={categoryOptions(filter.statusKind, lang)}
        value={filter.category}
        onChange={(v?: string) => update({ category: v })}
        popupMatchSelectWidth={false}
        style={{ width: 220 }}
      />
    </>
  );
}
