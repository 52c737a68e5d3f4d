import type { TFunction } from 'i18next'

/**
 * A province as people name it. The official list writes centrally governed cities with
 * their kind ("Thành phố Hà Nội") and provinces without it ("Tuyên Quang"), so only the
 * latter get "Tỉnh" in front.
 */
export function provinceTitle(name: string, t: TFunction): string {
  return /^Thành phố\s/u.test(name) ? name : t('console.header.province', { name })
}
