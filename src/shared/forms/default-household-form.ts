import { ageAtLeast, and, choices, eq, group, ne, question as q, text as t } from './form-builders'
import { type FormDefinition, formDefinitionSchema } from './form-definition.schema'

/** Questions after consent are kept only for completed visits of consenting households. */
const consented = and(eq('visit_result', 'completed'), eq('consent', true))
const YES_NO_UNKNOWN = choices('yes|Có|Yes', 'no|Không|No', 'unknown|Không biết|Does not know')

/**
 * The built-in household digital-readiness form (shared/domain/household-form.md, version
 * 1). Question ids are stable: indicators, exports and later versions refer to them.
 */
export const defaultHouseholdForm: FormDefinition = formDefinitionSchema.parse({
  id: 'household-digital-readiness',
  version: 1,
  title: t(
    'Phiếu khảo sát mức độ sẵn sàng số của hộ gia đình',
    'Household digital readiness survey',
  ),
  settings: { adultAge: 15 },
  sections: [
    {
      kind: 'fields',
      id: 'household',
      label: t('Thông tin hộ', 'Household'),
      items: [
        q('village', 'select_one', t('Thôn / Tổ dân phố', 'Village / residential group'), {
          required: true,
          choicesFrom: 'villages',
        }),
        q('address', 'text', t('Địa chỉ (số nhà, xóm)', 'Address'), { maxLength: 200 }),
        q('head_name', 'text', t('Họ tên chủ hộ', 'Household head'), {
          required: true,
          maxLength: 100,
        }),
        q('visit_result', 'select_one', t('Kết quả khảo sát', 'Visit result'), {
          required: true,
          choices: choices(
            'completed|Hoàn thành|Completed',
            'absent|Vắng nhà|Nobody at home',
            'refused|Từ chối|Refused',
            'moved|Không còn ở|Moved away',
          ),
        }),
        q('consent', 'yes_no', t('Hộ đồng ý cung cấp thông tin', 'Household consents'), {
          required: true,
          relevant: eq('visit_result', 'completed'),
          hint: t(
            'Nếu hộ không đồng ý, chỉ lưu kết quả khảo sát.',
            'Without consent only the visit result is kept.',
          ),
        }),
        group(
          'household_details',
          t('Hạ tầng và nhu cầu của hộ', 'Connectivity and needs'),
          consented,
          [
            q('phone', 'phone', t('Số điện thoại liên hệ', 'Contact phone')),
            q('h_internet', 'select_one', t('Internet cố định tại nhà', 'Fixed internet at home'), {
              required: true,
              choices: choices(
                'fibre|Cáp quang (FTTH)|Fibre (FTTH)',
                'other|Loại khác|Other fixed line',
                'none|Không có|None',
                'unknown|Không biết|Does not know',
              ),
            }),
            q(
              'h_no_fibre_reason',
              'select_multiple',
              t('Lý do chưa có cáp quang', 'Why no fibre'),
              {
                relevant: ne('h_internet', 'fibre'),
                choices: choices(
                  'no_infra|Chưa có hạ tầng|No network here',
                  'cost|Chi phí cao|Too expensive',
                  'no_need|Không có nhu cầu|Not needed',
                  'other|Khác|Other',
                ),
              },
            ),
            q('h_mobile_signal', 'select_one', t('Sóng di động tại nhà', 'Mobile signal at home'), {
              required: true,
              choices: choices('good|Tốt|Good', 'weak|Yếu|Weak', 'none|Không có|None'),
            }),
            q('h_business', 'yes_no', t('Hộ có kinh doanh', 'Household runs a business'), {
              required: true,
            }),
            q(
              'h_ecommerce',
              'yes_no',
              t('Bán hàng trên sàn TMĐT / mạng xã hội', 'Sells on e-commerce / social media'),
              {
                relevant: eq('h_business', true),
              },
            ),
            q('h_qr_payment', 'yes_no', t('Nhận thanh toán bằng mã QR', 'Accepts QR payments'), {
              relevant: eq('h_business', true),
            }),
            q(
              'h_support_needs',
              'select_multiple',
              t('Nhu cầu hỗ trợ', 'Support the household wants'),
              {
                choices: choices(
                  'vneid|VNeID|VNeID',
                  'public_services|Dịch vụ công trực tuyến|Online public services',
                  'payments|Thanh toán số|Digital payments',
                  'skills|Kỹ năng số|Digital skills',
                  'scam_safety|Phòng chống lừa đảo|Scam safety',
                  'other|Khác|Other',
                ),
              },
            ),
            q('notes', 'text', t('Ghi chú', 'Notes'), { maxLength: 1000 }),
          ],
        ),
      ],
    },
    {
      kind: 'repeat',
      id: 'members',
      label: t('Danh sách thành viên', 'Members'),
      relevant: consented,
      rowLabel: 'full_name',
      maxRows: 60,
      rowCounts: [
        {
          id: 'one_head',
          where: eq('relation', 'head'),
          min: 1,
          max: 1,
          message: t(
            'Danh sách thành viên phải có đúng một chủ hộ.',
            'The member list must have exactly one household head.',
          ),
        },
      ],
      items: [
        q('full_name', 'text', t('Họ và tên', 'Full name'), { required: true, maxLength: 100 }),
        q('relation', 'select_one', t('Quan hệ với chủ hộ', 'Relation to head'), {
          required: true,
          choices: choices(
            'head|Chủ hộ|Head',
            'spouse|Vợ/chồng|Spouse',
            'child|Con|Child',
            'parent|Bố/mẹ|Parent',
            'grandchild|Cháu|Grandchild',
            'other|Khác|Other',
          ),
        }),
        q('sex', 'select_one', t('Giới tính', 'Sex'), {
          required: true,
          choices: choices('male|Nam|Male', 'female|Nữ|Female'),
        }),
        q('birth_year', 'integer', t('Năm sinh', 'Year of birth'), {
          required: true,
          min: 1900,
          constraint: { op: 'le', args: [{ ref: '.' }, { ctx: 'visit_year' }] },
          constraintMessage: t(
            'Năm sinh không được sau năm khảo sát.',
            'The birth year cannot be after the visit year.',
          ),
        }),
        q('citizen_id', 'citizen_id', t('Số định danh cá nhân (CCCD)', 'Citizen id'), {
          checks: { sex: 'sex', birthYear: 'birth_year' },
          hint: t('12 chữ số, chỉ ghi khi hộ đồng ý.', '12 digits, only with consent.'),
        }),
        q('mobile', 'phone', t('Số điện thoại di động', 'Mobile number')),
        q('residence', 'select_one', t('Tình trạng cư trú', 'Residence'), {
          required: true,
          choices: choices(
            'permanent|Thường trú|Permanent resident',
            'temporary|Tạm trú|Temporary resident',
            'away|Tạm vắng|Temporarily away',
          ),
        }),
        group(
          'member_digital',
          t('Sử dụng công nghệ số (từ 10 tuổi)', 'Digital use (aged 10+)'),
          ageAtLeast('birth_year', 10),
          [
            q('m_phone', 'select_one', t('Điện thoại đang dùng', 'Phone in use'), {
              required: true,
              choices: choices(
                'smartphone|Điện thoại thông minh|Smartphone',
                'basic|Điện thoại phổ thông|Basic phone',
                'none|Không có|None',
              ),
            }),
            q(
              'm_no_smartphone_reason',
              'select_one',
              t('Lý do chưa dùng điện thoại thông minh', 'Why no smartphone'),
              {
                relevant: ne('m_phone', 'smartphone'),
                choices: choices(
                  'cost|Chi phí|Cost',
                  'cannot_use|Không biết dùng|Does not know how to use one',
                  'no_need|Không có nhu cầu|Not needed',
                  'health|Sức khỏe|Health',
                  'other|Khác|Other',
                ),
              },
            ),
            q(
              'm_internet_3m',
              'yes_no',
              t('Dùng Internet trong 3 tháng qua', 'Used the internet in the last 3 months'),
              {
                required: true,
              },
            ),
            q('m_vneid', 'select_one', t('Tài khoản định danh điện tử VNeID', 'VNeID account'), {
              required: true,
              choices: choices(
                'none|Chưa có|None',
                'registered|Đã đăng ký, chưa kích hoạt|Registered, not activated',
                'level1|Mức 1|Level 1',
                'level2|Mức 2|Level 2',
                'unknown|Không biết|Does not know',
              ),
            }),
            q(
              'm_public_service_12m',
              'select_one',
              t(
                'Nộp hồ sơ dịch vụ công trực tuyến trong 12 tháng',
                'Used online public services in 12 months',
              ),
              {
                required: true,
                choices: choices(
                  'self|Có, tự làm|Yes, alone',
                  'assisted|Có, được hỗ trợ|Yes, with help',
                  'no|Không|No',
                ),
              },
            ),
            q(
              'm_payment_accounts',
              'select_multiple',
              t('Tài khoản thanh toán', 'Payment accounts'),
              {
                required: true,
                choices: choices(
                  'bank|Tài khoản ngân hàng|Bank account',
                  'ewallet|Ví điện tử|E-wallet',
                  'mobile_money|Mobile Money|Mobile Money',
                  'none|Không có|None|!',
                ),
              },
            ),
            q(
              'm_cashless_30d',
              'yes_no',
              t(
                'Thanh toán không dùng tiền mặt trong 30 ngày qua',
                'Paid cashless in the last 30 days',
              ),
              {
                required: true,
              },
            ),
            q(
              'm_digital_signature',
              'select_one',
              t('Chữ ký số / chữ ký điện tử cá nhân', 'Personal digital signature'),
              {
                required: true,
                choices: YES_NO_UNKNOWN,
              },
            ),
            q('m_ehealth', 'select_one', t('Hồ sơ sức khỏe điện tử', 'Electronic health record'), {
              required: true,
              choices: YES_NO_UNKNOWN,
            }),
            q('m_skills', 'select_multiple', t('Kỹ năng số', 'Digital skills'), {
              choices: choices(
                'messaging|Nhắn tin / gọi video|Messaging / video calls',
                'search|Tìm kiếm thông tin|Searching for information',
                'install_apps|Cài đặt ứng dụng|Installing apps',
                'payments|Chuyển tiền / thanh toán|Transfers / payments',
                'public_services|Dịch vụ công trực tuyến|Online public services',
                'scam_awareness|Nhận biết lừa đảo trực tuyến|Spotting online scams',
              ),
            }),
            q(
              'm_binh_dan_hoc_vu_so',
              'yes_no',
              t('Đã học trên nền tảng Bình dân học vụ số', 'Took the "Bình dân học vụ số" course'),
              {
                required: true,
              },
            ),
            q(
              'm_support_given',
              'select_multiple',
              t('Tổ đã hỗ trợ trong lần này', 'Help the team gave on this visit'),
              {
                choices: choices(
                  'install_vneid|Cài VNeID|Installed VNeID',
                  'vneid_level2|Hướng dẫn kích hoạt mức 2|Guided VNeID level 2 activation',
                  'payment_account|Mở tài khoản thanh toán|Opened a payment account',
                  'public_service|Nộp dịch vụ công|Filed an online public service',
                  'install_apps|Cài ứng dụng|Installed apps',
                  'scam_safety|Hướng dẫn phòng chống lừa đảo|Scam-safety guidance',
                  'other|Khác|Other',
                ),
              },
            ),
          ],
        ),
      ],
    },
  ],
})
