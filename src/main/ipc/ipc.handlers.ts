import type { ParsedInput } from '../../shared/api/contract'
import type { IpcCall, IpcContract, IpcOutput } from '../../shared/api/ipc.contract'
import { appInfoHandler } from '../app/app.handlers'
import {
  backupOverviewHandler,
  createBackupHandler,
  previewRestoreHandler,
  restoreBackupHandler,
} from '../backup/backup.handlers'
import type { MainContext } from '../context'
import {
  deviceStatusHandler,
  enrolWithCodeHandler,
  enrolWithFileHandler,
} from '../device/device.handlers'
import { exportDiagnosticsHandler } from '../diagnostics/diagnostics.handlers'
import {
  discardDraftHandler,
  finalizeDraftHandler,
  getDraftHandler,
  listOpenDraftsHandler,
  startDraftHandler,
  updateDraftHandler,
} from '../drafts/drafts.handlers'
import { getDefaultFormHandler, getFormHandler } from '../forms/forms.handlers'
import {
  findDuplicatesHandler,
  getHouseholdHandler,
  householdVisitHandler,
  householdVisitsHandler,
  listHouseholdsHandler,
} from '../household/household.handlers'
import { listVillagesHandler, villageProgressHandler } from '../places/places.handlers'
import { importReceiptFileHandler } from '../sync/receipt-file.handlers'
import {
  exportBatchFileHandler,
  runSyncHandler,
  setServerUrlHandler,
  syncStatusHandler,
} from '../sync/sync.handlers'
import {
  addTeamHandler,
  listTeamHandler,
  setCurrentTeamHandler,
  updateTeamHandler,
} from '../team/team.handlers'

/** A handler of one IPC call: a plain async function of the context and the parsed input. */
export type IpcHandler<N extends IpcCall> = (
  ctx: MainContext,
  input: ParsedInput<IpcContract, N>,
) => Promise<IpcOutput<N>>

/** One handler per call of the contract; a missing or extra call is a type error. */
export type IpcHandlerMap = { [N in IpcCall]: IpcHandler<N> }

export const ipcHandlers: IpcHandlerMap = {
  'app.info': appInfoHandler,
  'places.listVillages': listVillagesHandler,
  'places.villageProgress': villageProgressHandler,
  'forms.getDefault': getDefaultFormHandler,
  'forms.get': getFormHandler,
  'team.list': listTeamHandler,
  'team.add': addTeamHandler,
  'team.update': updateTeamHandler,
  'team.setCurrent': setCurrentTeamHandler,
  'households.list': listHouseholdsHandler,
  'households.get': getHouseholdHandler,
  'households.visits': householdVisitsHandler,
  'households.visit': householdVisitHandler,
  'households.findDuplicates': findDuplicatesHandler,
  'drafts.listOpen': listOpenDraftsHandler,
  'drafts.start': startDraftHandler,
  'drafts.get': getDraftHandler,
  'drafts.update': updateDraftHandler,
  'drafts.finalize': finalizeDraftHandler,
  'drafts.discard': discardDraftHandler,
  'sync.status': syncStatusHandler,
  'sync.setServerUrl': setServerUrlHandler,
  'sync.run': runSyncHandler,
  'sync.exportBatchFile': exportBatchFileHandler,
  'sync.importReceiptFile': importReceiptFileHandler,
  'device.status': deviceStatusHandler,
  'device.enrolWithCode': enrolWithCodeHandler,
  'device.enrolWithFile': enrolWithFileHandler,
  'backup.overview': backupOverviewHandler,
  'backup.create': createBackupHandler,
  'backup.previewRestore': previewRestoreHandler,
  'backup.restore': restoreBackupHandler,
  'diagnostics.export': exportDiagnosticsHandler,
}
