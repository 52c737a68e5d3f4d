import QRCode from 'qrcode'

/** An enrolment QR payload (see enrolmentQrPayload) as an SVG QR code, error correction M. */
export function enrolmentQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}
