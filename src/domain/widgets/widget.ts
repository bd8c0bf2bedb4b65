import { z } from 'zod';

/** A box of figures (COVID-19 cases, election results, a score) editors keep up to date. */
export const FiguresSchema = z.strictObject({
  rows: z
    .array(
      z.strictObject({
        label: z.string().min(1).max(80),
        value: z.number().finite(),
        delta: z.number().finite().optional(),
      }),
    )
    .min(1)
    .max(20),
  source: z.string().max(120),
  asOf: z.iso.datetime({ offset: true }),
});

export type Figures = z.infer<typeof FiguresSchema>;

export interface FiguresWidget {
  readonly key: string;
  readonly title: string;
  readonly figures: Figures;
  readonly updatedAt: Date;
}
