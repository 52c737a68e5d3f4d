import type { HttpHandlers } from '../http/http-handler'
import { commitVillageImport, previewVillageImport } from './import/village-import.service'
import { listCommunes, listOfficialProvinces, listVillages } from './places.queries'
import { createVillage, deactivateVillage, updateVillage } from './village.service'

/** Provinces, communes and villages; village imports with a preview. */
export const placesHandlers = {
  'places.provinces': async () => listOfficialProvinces(),
  'places.communes': (ctx, input) => listCommunes(ctx, input),
  'places.villages': (ctx, input) => listVillages(ctx, input),
  'places.createVillage': (ctx, input) => createVillage(ctx, input),
  'places.updateVillage': (ctx, input) => updateVillage(ctx, input),
  'places.deactivateVillage': (ctx, input) => deactivateVillage(ctx, input.code),
  'places.importVillagesPreview': (ctx, input) => previewVillageImport(ctx, input),
  'places.importVillagesCommit': (ctx, input) => commitVillageImport(ctx, input.previewId),
} satisfies Partial<HttpHandlers>
