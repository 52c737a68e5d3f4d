import { AppError } from '../../shared/result'

/**
 * Why a team change was refused: team_name_taken (an active member already has this name,
 * accents and case aside) · team_member_inactive (a deactivated member cannot record visits).
 */
export type TeamErrorCode = 'team_name_taken' | 'team_member_inactive'

export class TeamError extends AppError {
  constructor(
    override readonly code: TeamErrorCode,
    message: string,
  ) {
    super(code, message)
    this.name = 'TeamError'
  }
}
