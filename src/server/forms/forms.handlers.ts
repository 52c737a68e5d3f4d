import type { HttpHandlers } from '../http/http-handler'
import {
  diffFormVersions,
  getFormVersion,
  listFormVersions,
  publishFormVersion,
} from './form-version.service'
import { importXlsForm } from './xlsform/xlsform-import.service'

/** Form versions: list, read, compare, publish, and XLSForm import (which publishes nothing). */
export const formsHandlers = {
  'forms.list': (ctx, input) => listFormVersions(ctx, input.formId),
  'forms.get': (ctx, input) => getFormVersion(ctx, input.formId, input.version),
  'forms.diff': (ctx, input) => diffFormVersions(ctx, input),
  'forms.publish': (ctx, input) => publishFormVersion(ctx, input),
  'forms.importXlsForm': (ctx, input) => importXlsForm(ctx, input),
} satisfies Partial<HttpHandlers>
