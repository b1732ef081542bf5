import { z } from 'zod';
import { AreaCode } from './common.js';

/** Unit types as stable slugs; labels for display are in AREA_TYPE_LABELS. */
export const AREA_TYPES = [
  'province',
  'city',
  'district',
  'town',
  'provincial_city',
  'urban_district',
  'municipal_city',
  'commune',
  'ward',
  'township',
  'special_zone',
] as const;
export const AreaType = z.enum(AREA_TYPES);
export type AreaType = z.infer<typeof AreaType>;

export const AREA_TYPE_LABELS: Record<AreaType, { vi: string; en: string }> = {
  province: { vi: 'Tỉnh', en: 'Province' },
  city: { vi: 'Thành phố trực thuộc trung ương', en: 'Centrally-run city' },
  district: { vi: 'Huyện', en: 'District' },
  town: { vi: 'Thị xã', en: 'Town' },
  provincial_city: { vi: 'Thành phố thuộc tỉnh', en: 'Provincial city' },
  urban_district: { vi: 'Quận', en: 'Urban district' },
  municipal_city: { vi: 'Thành phố thuộc thành phố', en: 'Municipal city' },
  commune: { vi: 'Xã', en: 'Commune' },
  ward: { vi: 'Phường', en: 'Ward' },
  township: { vi: 'Thị trấn', en: 'Township' },
  special_zone: { vi: 'Đặc khu', en: 'Special zone' },
};

/** 1 = province level, 2 = district level (before 1/7/2025), 3 = commune level. */
export const AreaLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type AreaLevel = z.infer<typeof AreaLevel>;

export const AreaOut = z.object({
  code: z.string(),
  name: z.string(),
  type: AreaType,
  level: AreaLevel,
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** Number of direct sub-units. */
  childCount: z.number().int(),
  /** Path from the province down, for breadcrumbs. */
  path: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type AreaOut = z.infer<typeof AreaOut>;

export const AreaList = z.object({ items: z.array(AreaOut) });
export type AreaList = z.infer<typeof AreaList>;

export const AreasQuery = z.object({
  /** Children of this area; without it, the roots the actor may see (their home area). */
  parent: AreaCode.optional(),
  q: z.string().trim().max(100).optional(),
});
export type AreasQuery = z.infer<typeof AreasQuery>;

export const AreaParams = z.object({ code: AreaCode });
