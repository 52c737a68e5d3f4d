import type { Answers, FormResponse, RepeatRow } from '../../shared/forms/form-response.schema'
import { MEMBERS_REPEAT } from '../../shared/household/household-facts'
import type { Person } from './household-people'
import type { HouseholdFacts } from './household-state'

/**
 * Responses to the default household form exactly as the desktop app saves them: the
 * validated, cleaned response (validateResponse's output) — only the questions relevant to
 * the visit, blank answers left out, answers in the form's question order. The server's
 * cleaning then leaves them as they are, so the log keeps no second, cleaned copy.
 */

export type VisitResult = 'completed' | 'absent' | 'refused' | 'moved'

/** A visit that recorded no roster: nobody home, refused, moved, or no consent. */
export function shortResponse(
  village: string,
  facts: { address: string | null; headName: string },
  result: VisitResult,
): FormResponse {
  const answers: Answers = { village }
  if (facts.address) answers.address = facts.address
  answers.head_name = facts.headName
  answers.visit_result = result
  if (result === 'completed') answers.consent = false
  return { answers, repeats: {} }
}

/** A completed visit of a consenting household: household answers and the whole roster. */
export function fullResponse(
  village: string,
  facts: HouseholdFacts,
  people: readonly Person[],
  visitYear: number,
  needs: readonly string[],
  support: readonly (readonly string[])[],
): FormResponse {
  const head = people.find((p) => p.relation === 'head')
  const answers: Answers = { village }
  if (facts.address) answers.address = facts.address
  answers.head_name = head?.fullName ?? ''
  answers.visit_result = 'completed'
  answers.consent = true
  if (facts.phone) answers.phone = facts.phone
  answers.h_internet = facts.internet
  if (facts.internet !== 'fibre' && facts.noFibreReasons.length > 0) {
    answers.h_no_fibre_reason = [...facts.noFibreReasons]
  }
  answers.h_mobile_signal = facts.signal
  answers.h_business = facts.business
  if (facts.business) {
    answers.h_ecommerce = facts.ecommerce
    answers.h_qr_payment = facts.qrPayment
  }
  if (needs.length > 0) answers.h_support_needs = [...needs]
  if (facts.notes) answers.notes = facts.notes
  const rows = people.map((person, i) => memberRow(person, visitYear, support[i] ?? []))
  return { answers, repeats: { [MEMBERS_REPEAT]: rows } }
}

function memberRow(person: Person, visitYear: number, support: readonly string[]): RepeatRow {
  if (!person.rowId) throw new Error('A member of a full record needs a row id')
  const answers: Answers = {
    full_name: person.fullName,
    relation: person.relation,
    sex: person.sex,
    birth_year: person.birthYear,
  }
  if (person.citizenId) answers.citizen_id = person.citizenId
  if (person.mobile) answers.mobile = person.mobile
  answers.residence = person.residence
  const d = person.digital
  // Asked of everyone aged 10 or over in the visit year (the form's member_digital group).
  if (d && visitYear - person.birthYear >= 10) {
    answers.m_phone = d.phone
    if (d.phone !== 'smartphone' && d.noSmartphoneReason) {
      answers.m_no_smartphone_reason = d.noSmartphoneReason
    }
    answers.m_internet_3m = d.internet3m
    answers.m_vneid = d.vneid
    answers.m_public_service_12m = d.publicService
    answers.m_payment_accounts = [...d.paymentAccounts]
    answers.m_cashless_30d = d.cashless30d
    answers.m_digital_signature = d.digitalSignature
    answers.m_ehealth = d.ehealth
    if (d.skills.length > 0) answers.m_skills = [...d.skills]
    answers.m_binh_dan_hoc_vu_so = d.binhDanHocVuSo
    if (support.length > 0) answers.m_support_given = [...support]
  }
  return { id: person.rowId, answers }
}
