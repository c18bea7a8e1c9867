import type { Lang } from '../i18n/dict.ts';
import { ApiError } from './client.ts';

/** Problem codes in words. Clients branch on `code`; these are what a person reads. */
export const MESSAGES: Record<string, { ko: string; en: string }> = {
  NETWORK_ERROR: {
    ko: '서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Cannot reach the server. Try again shortly.',
  },
  VALIDATION_FAILED: { ko: '입력한 내용을 확인해 주세요.', en: 'Please check what you entered.' },
  MALFORMED_JSON: { ko: '요청 형식이 올바르지 않습니다.', en: 'The request was malformed.' },
  NOT_FOUND: { ko: '찾을 수 없습니다.', en: 'Not found.' },
  RATE_LIMITED: {
    ko: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Too many requests. Please wait a moment.',
  },
  UNAUTHENTICATED: { ko: '로그인이 필요합니다.', en: 'Please sign in.' },
  FORBIDDEN: { ko: '권한이 없습니다.', en: 'You are not allowed to do this.' },
  SERVICE_UNAVAILABLE: {
    ko: '서비스가 잠시 불안정합니다. 다시 시도해 주세요.',
    en: 'The service is briefly unavailable. Try again.',
  },
  INTERNAL_ERROR: { ko: '알 수 없는 오류가 발생했습니다.', en: 'Something went wrong.' },
  UNSUPPORTED_MEDIA_TYPE: { ko: '지원하지 않는 형식입니다.', en: 'This content type is not supported.' },
  PAYLOAD_TOO_LARGE: {
    ko: '보낸 내용이 너무 큽니다 (이미지는 더 작게).',
    en: 'What you sent is too large (try a smaller image).',
  },
  METHOD_NOT_ALLOWED: { ko: '허용되지 않는 요청입니다.', en: 'This request is not allowed.' },
  IDEMPOTENCY_KEY_REQUIRED: { ko: '요청을 다시 시도해 주세요.', en: 'Please try the request again.' },
  IDEMPOTENCY_KEY_REUSED: {
    ko: '이미 처리된 주문과 내용이 다릅니다. 좌석을 다시 골라 주세요.',
    en: 'This differs from an order already placed. Please choose seats again.',
  },
  WRONG_PASSWORD: { ko: '현재 비밀번호가 올바르지 않습니다.', en: 'The current password is wrong.' },
  USER_NOT_FOUND: { ko: '사용자를 찾을 수 없습니다.', en: 'User not found.' },
  SESSION_NOT_FOUND: {
    ko: '이미 로그아웃된 기기입니다.',
    en: 'That device is already signed out.',
  },
  HAS_UPCOMING_TICKETS: {
    ko: '관람 예정인 티켓이 있어 탈퇴할 수 없습니다. 공연이 끝나거나 예매를 취소한 뒤 다시 시도해 주세요.',
    en: 'You hold tickets for upcoming shows. Withdraw after the shows, or cancel those bookings first.',
  },
  RECENT_SIGN_IN_REQUIRED: {
    ko: '본인 확인을 위해 다시 로그인한 뒤 5분 안에 시도해 주세요.',
    en: 'To confirm it is you, sign in again and try within 5 minutes.',
  },
  OAUTH_FAILED: {
    ko: '간편 로그인을 완료하지 못했습니다. 다시 시도해 주세요.',
    en: 'Signing in with that account did not finish. Please try again.',
  },
  OAUTH_EMAIL_IN_USE: {
    ko: '이 이메일로 가입한 계정이 있습니다. 그 계정으로 로그인한 뒤 내 정보에서 연결해 주세요.',
    en: 'An account already uses this email. Sign in to it and link the provider in your profile.',
  },
  OAUTH_EMAIL_REQUIRED: {
    ko: '이메일 제공에 동의해야 가입할 수 있습니다.',
    en: 'Please agree to share your email address to sign up.',
  },
  OAUTH_IDENTITY_TAKEN: {
    ko: '이 계정은 이미 다른 회원에 연결되어 있습니다.',
    en: 'This account is already linked to another member.',
  },
  IDENTITY_NOT_FOUND: { ko: '연결된 계정이 아닙니다.', en: 'That account is not linked.' },
  LAST_SIGN_IN_METHOD: {
    ko: '로그인할 수 있는 마지막 방법이라 연결을 해제할 수 없습니다. 다른 계정을 먼저 연결해 주세요.',
    en: 'This is your last way to sign in, so it cannot be unlinked. Link another account first.',
  },
  INVALID_SIGNATURE: { ko: '서명이 올바르지 않습니다.', en: 'The signature is invalid.' },
  IDEMPOTENCY_IN_PROGRESS: {
    ko: '이전 요청을 처리 중입니다.',
    en: 'Your previous request is still being processed.',
  },
  BOOKING_MAIL_REQUIRED: {
    ko: '예매 안내 메일은 끌 수 없어요.',
    en: 'Booking mail cannot be turned off.',
  },
  INVALID_UNSUBSCRIBE_TOKEN: {
    ko: '수신 거부 링크가 올바르지 않아요. 메일의 링크를 그대로 열거나 알림 설정에서 바꿔 주세요.',
    en: 'This unsubscribe link is not valid. Open the link from the mail as it is, or change your notification settings.',
  },
  INVALID_RESET_TOKEN: {
    ko: '링크가 만료되었거나 이미 사용되었어요. 비밀번호 찾기를 다시 해 주세요.',
    en: 'This link has expired or was already used. Ask for a new one.',
  },
  INVALID_CODE: { ko: '인증 코드가 틀렸거나 만료되었습니다.', en: 'The code is wrong or has expired.' },
  TOO_MANY_ATTEMPTS: {
    ko: '시도 횟수를 초과했습니다. 새 코드를 요청하세요.',
    en: 'Too many attempts. Request a new code.',
  },
  EMAIL_TAKEN: { ko: '이미 가입된 이메일입니다.', en: 'This email is already registered.' },
  EMAIL_NOT_VERIFIED: { ko: '이메일 인증을 먼저 완료해 주세요.', en: 'Please verify your email first.' },
  WEAK_PASSWORD: {
    ko: '비밀번호가 정책에 맞지 않습니다 (10자 이상, 문자와 숫자 또는 기호).',
    en: 'The password is too weak (10+ characters, a letter and a digit or symbol).',
  },
  INVALID_CREDENTIALS: { ko: '이메일 또는 비밀번호가 올바르지 않습니다.', en: 'Email or password is wrong.' },
  INVALID_TOKEN: {
    ko: '세션이 만료되었습니다. 다시 로그인해 주세요.',
    en: 'Your session expired. Please sign in again.',
  },
  REFRESH_TOKEN_REUSED: {
    ko: '보안을 위해 다시 로그인해 주세요.',
    en: 'For your security, please sign in again.',
  },
  IMAGE_REQUIRED: { ko: '이미지 파일을 골라 주세요.', en: 'Choose an image file.' },
  IMAGE_TOO_LARGE: {
    ko: '이미지가 너무 큽니다. 5MB 이하 파일을 올려 주세요.',
    en: 'The image is too large. Upload a file of 5 MB or less.',
  },
  IMAGE_TYPE_UNSUPPORTED: {
    ko: 'JPEG, PNG, WebP 이미지만 올릴 수 있습니다.',
    en: 'Only JPEG, PNG and WebP images can be uploaded.',
  },
  IMAGE_UNREADABLE: {
    ko: '이미지를 읽을 수 없습니다. 파일이 손상되지 않았는지 확인해 주세요.',
    en: 'The image could not be read. Check that the file is not damaged.',
  },
  IMAGE_TOO_MANY_PIXELS: {
    ko: '이미지 해상도가 너무 큽니다. 크기를 줄여서 올려 주세요.',
    en: 'The image resolution is too high. Resize it and try again.',
  },
  PERFORMANCE_NOT_FOUND: { ko: '공연을 찾을 수 없습니다.', en: 'Performance not found.' },
  WISHLIST_FULL: {
    ko: '찜은 500개까지 할 수 있어요. 지난 공연을 정리한 뒤 다시 눌러 주세요.',
    en: 'You can wish for up to 500 shows. Remove some and try again.',
  },
  KEYWORD_LIMIT: {
    ko: '키워드는 20개까지 등록할 수 있어요. 쓰지 않는 키워드를 지운 뒤 다시 추가해 주세요.',
    en: 'You can keep up to 20 keywords. Remove one you no longer need and try again.',
  },
  KEYWORD_ALERT_NOT_FOUND: {
    ko: '이미 지워진 키워드예요.',
    en: 'That keyword was already removed.',
  },
  SHOWTIME_NOT_FOUND: { ko: '회차를 찾을 수 없습니다.', en: 'Showtime not found.' },
  ONSALE_ALERTS_FULL: {
    ko: '오픈 알림은 200개까지 신청할 수 있어요. 지난 알림을 정리한 뒤 다시 눌러 주세요.',
    en: 'You can have up to 200 ticket-open alerts. Remove some and try again.',
  },
  ONSALE_ALERT_NOT_FOUND: { ko: '이미 해제된 알림이에요.', en: 'This alert was already removed.' },
  VENUE_NOT_FOUND: { ko: '공연장을 찾을 수 없습니다.', en: 'Venue not found.' },
  CATEGORY_NOT_FOUND: { ko: '장르를 찾을 수 없습니다.', en: 'Category not found.' },
  GRADE_PRICE_MISSING: { ko: '좌석 등급의 가격이 빠져 있습니다.', en: 'A seat grade has no price.' },
  INVALID_DATE_RANGE: { ko: '날짜 순서가 올바르지 않습니다.', en: 'The dates are not in order.' },
  SHOWTIME_HAS_SALES: {
    ko: '이미 판매된 좌석이 있어 공연 시작 시각을 바꿀 수 없습니다.',
    en: 'Seats are already sold, so the start time cannot change.',
  },
  SALES_ALREADY_OPEN: {
    ko: '판매가 이미 시작되어 판매 시작 시각을 바꿀 수 없습니다.',
    en: 'Sales have already opened, so the opening time cannot change.',
  },
  ADMISSION_REQUIRED: {
    ko: '대기열을 통과해야 예매할 수 있습니다.',
    en: 'You need to pass the waiting room first.',
  },
  QUEUE_NOT_ENABLED: { ko: '이 회차는 대기열이 없습니다.', en: 'This showtime has no waiting room.' },
  NOT_IN_QUEUE: { ko: '대기열에 없습니다.', en: 'You are not in the queue.' },
  QUEUE_NOT_OPEN: {
    ko: '아직 대기실이 열리지 않았습니다. 열리는 시각에 다시 들어와 주세요.',
    en: 'The waiting room is not open yet. Please come back when it opens.',
  },
  STREAM_LIMIT: {
    ko: '열어 둔 창이 너무 많습니다. 다른 탭이나 창을 닫고 다시 시도해 주세요.',
    en: 'Too many windows are open. Close other tabs or windows and try again.',
  },
  CHALLENGE_REQUIRED: {
    ko: '입장 확인이 끝나지 않았습니다. 잠시 후 다시 입장해 주세요.',
    en: 'The entry check did not finish. Please try entering again.',
  },
  SEATS_UNAVAILABLE: {
    ko: '이미 선택되었거나 판매된 좌석입니다. 다른 좌석을 골라 주세요.',
    en: 'Some seats were just taken. Please choose others.',
  },
  TICKET_LIMIT_EXCEEDED: {
    ko: '1인 구매 한도를 초과했습니다.',
    en: 'That exceeds the per-person ticket limit.',
  },
  SALES_NOT_OPEN: { ko: '판매 기간이 아닙니다.', en: 'Sales are not open.' },
  HOLD_NOT_FOUND: { ko: '좌석 선점 정보가 없습니다.', en: 'The seat hold was not found.' },
  HOLD_EXPIRED: {
    ko: '좌석 선점 시간이 만료되었습니다. 다시 선택해 주세요.',
    en: 'Your seat hold expired. Please choose again.',
  },
  RESERVATION_NOT_FOUND: { ko: '예매 내역을 찾을 수 없습니다.', en: 'Reservation not found.' },
  PAYMENT_NOT_FOUND: { ko: '결제 정보를 찾을 수 없습니다.', en: 'Payment not found.' },
  AMOUNT_MISMATCH: {
    ko: '결제 금액이 주문과 다릅니다. 결제가 취소됩니다.',
    en: 'The paid amount does not match the order; the payment is cancelled.',
  },
  NOT_CANCELLABLE: { ko: '취소할 수 없는 예매입니다.', en: 'This reservation cannot be cancelled.' },
  REFUND_ACCOUNT_REQUIRED: {
    ko: '무통장입금 예매는 환불받을 계좌를 입력해 주세요.',
    en: 'Enter the account to refund this bank deposit into.',
  },
  PAYMENT_GATEWAY_UNAVAILABLE: {
    ko: '결제사가 응답하지 않습니다. 잠시 후 다시 시도해 주세요.',
    en: 'The payment provider did not answer. Try again shortly.',
  },
  TICKET_NOT_FOUND: { ko: '티켓을 찾을 수 없습니다.', en: 'Ticket not found.' },
  TICKET_ALREADY_USED: { ko: '이미 입장 처리된 티켓입니다.', en: 'This ticket was already used.' },
  INVALID_TICKET: { ko: '유효하지 않은 티켓 코드입니다.', en: 'This ticket code is not valid.' },
  WRONG_SHOWTIME: { ko: '다른 회차의 티켓입니다.', en: 'This ticket is for another showtime.' },
  TICKET_REVOKED: { ko: '취소된 티켓입니다.', en: 'This ticket was cancelled.' },
  COUPON_NOT_FOUND: { ko: '쿠폰을 찾을 수 없습니다.', en: 'Coupon not found.' },
  REFUND_EXCEEDS_PAID: {
    ko: '환불 금액이 남은 결제 금액보다 많습니다.',
    en: 'The refund is more than what is left of the payment.',
  },
  NOTHING_TO_REFUND: { ko: '이미 전액 환불된 주문입니다.', en: 'This order has been refunded in full.' },
  ACCOUNT_SUSPENDED: {
    ko: '이용이 정지된 계정입니다. 고객센터로 문의해 주세요.',
    en: 'This account is suspended. Please contact support.',
  },
  CANNOT_CHANGE_OWN_ACCOUNT: {
    ko: '내 계정은 정지하거나 권한을 낮출 수 없습니다.',
    en: 'You cannot suspend or demote your own account.',
  },
  COUPON_STOCK_DECREASE: {
    ko: '발급이 시작된 쿠폰은 수량을 늘리기만 할 수 있습니다.',
    en: 'Once issuing has started, stock can only grow.',
  },
  BANNED_WORDS: {
    ko: '사용할 수 없는 단어가 들어 있습니다. 표현을 바꿔 다시 써 주세요.',
    en: 'The text contains words that are not allowed. Please rephrase it.',
  },
  BANNED_WORD_EXISTS: { ko: '이미 등록된 금칙어입니다.', en: 'That word is already on the list.' },
  BANNED_WORD_NOT_FOUND: { ko: '이미 삭제된 금칙어입니다.', en: 'That word is no longer on the list.' },
  INQUIRY_NOT_FOUND: { ko: '문의를 찾을 수 없습니다.', en: 'Inquiry not found.' },
  INQUIRY_CLOSED: {
    ko: '종료된 문의입니다. 추가 문의는 새 문의로 남겨 주세요.',
    en: 'This inquiry is closed. Please open a new one.',
  },
  REVIEW_NOT_FOUND: { ko: '관람후기를 찾을 수 없습니다.', en: 'Review not found.' },
  NOT_A_BUYER: {
    ko: '관람후기는 이 공연을 예매하고 공연이 시작된 뒤에 쓸 수 있습니다.',
    en: 'You can review this show once you have booked it and it has started.',
  },
  ALREADY_REVIEWED: {
    ko: '이 예매로 이미 관람후기를 썼습니다.',
    en: 'You have already reviewed this booking.',
  },
  ALREADY_VOTED: { ko: '이미 도움이 돼요를 눌렀습니다.', en: 'You already marked this review helpful.' },
  ALREADY_REPORTED: { ko: '이미 신고한 관람후기입니다.', en: 'You have already reported this review.' },
  OWN_REVIEW: {
    ko: '내가 쓴 관람후기에는 추천하거나 신고할 수 없습니다.',
    en: 'You cannot vote for or report your own review.',
  },
  REVIEW_HIDDEN: {
    ko: '운영 정책에 따라 숨김 처리된 관람후기입니다.',
    en: 'This review has been hidden by the moderators.',
  },
  ASSISTANT_UNAVAILABLE: {
    ko: '지금은 AI 도우미가 답할 수 없어요. 잠시 후 다시 물어봐 주세요.',
    en: 'The assistant cannot answer right now. Please ask again in a moment.',
  },
  ASSISTANT_TIMEOUT: {
    ko: 'AI 도우미의 답이 너무 늦어지고 있어요. 잠시 후 다시 물어봐 주세요.',
    en: 'The assistant is taking too long. Please ask again in a moment.',
  },
  ASSISTANT_BUSY: {
    ko: '지금 질문이 몰려 AI 도우미가 바빠요. 1분쯤 뒤에 다시 물어봐 주세요.',
    en: 'The assistant is busy right now. Please ask again in about a minute.',
  },
  CONVERSATION_NOT_FOUND: { ko: '대화를 찾을 수 없습니다.', en: 'Conversation not found.' },
  WEBSOCKET_REQUIRED: {
    ko: '실시간 연결이 필요한 주소입니다. 페이지를 새로 고쳐 주세요.',
    en: 'This address needs a live connection. Please reload the page.',
  },
  CHAT_MESSAGE_NOT_FOUND: {
    ko: '삭제되었거나 없는 메시지입니다.',
    en: 'This message was deleted or does not exist.',
  },
  CHAT_MUTED: {
    ko: '운영 정책에 따라 잠시 이 채팅방에서 메시지를 보낼 수 없습니다.',
    en: 'You cannot send messages in this chat room for a while.',
  },
  CHAT_RATE_LIMITED: {
    ko: '메시지를 너무 빨리 보내고 있어요. 잠시 후 다시 보내 주세요.',
    en: 'You are sending messages too fast. Please wait a moment.',
  },
  CHAT_IMAGE_INVALID: {
    ko: '이 채팅에서 올린 사진만 보낼 수 있습니다. 사진을 다시 첨부해 주세요.',
    en: 'Only photos uploaded in this chat can be sent. Please attach it again.',
  },
  CHAT_ALREADY_REPORTED: { ko: '이미 신고한 메시지입니다.', en: 'You already reported this message.' },
  COUPON_ALREADY_ISSUED: { ko: '이미 받은 쿠폰입니다.', en: 'You already have this coupon.' },
  COUPON_SOLD_OUT: { ko: '쿠폰이 모두 소진되었습니다.', en: 'The coupon is sold out.' },
  COUPON_NOT_ISSUABLE: { ko: '지금은 받을 수 없는 쿠폰입니다.', en: 'This coupon cannot be issued now.' },
  TICKET_TYPE_UNAVAILABLE: {
    ko: '이 공연에서 판매하지 않는 권종입니다. 권종을 다시 골라 주세요.',
    en: 'This performance does not sell that ticket type. Choose another.',
  },
  COUPON_NOT_APPLICABLE: {
    ko: '이 주문에는 쿠폰을 적용할 수 없습니다.',
    en: 'This coupon cannot be applied to this order.',
  },
};

/** "30초" / "2분" — how long a 429 asks to wait, from the problem's `retryAfterSeconds`. */
function waitText(seconds: number, lang: Lang): string {
  const minutes = Math.ceil(seconds / 60);
  if (lang === 'ko') return seconds < 60 ? `${seconds}초` : `${minutes}분`;
  return seconds < 60 ? `${seconds} s` : `${minutes} min`;
}

/** The message for an error in the chosen language (an unknown code reads by its status). */
export function errorMessage(err: unknown, lang: Lang): string {
  if (err instanceof ApiError) {
    const known = MESSAGES[err.code];
    const wait = err.problem.retryAfterSeconds;
    if (known && err.status === 429 && typeof wait === 'number' && wait > 0) {
      const after =
        lang === 'ko'
          ? `${waitText(wait, lang)} 후에 다시 시도할 수 있습니다.`
          : `Try again in ${waitText(wait, lang)}.`;
      return `${known[lang]} ${after}`;
    }
    if (known) return known[lang];
    // A code this build does not know yet: its English detail may be read on an English page, but a
    // Korean page says what the status means (never a field path or a validator's English).
    if (lang === 'en' && err.status !== 400 && err.problem.detail) return err.problem.detail;
    return MESSAGES[byStatus(err.status)]![lang];
  }
  return MESSAGES.INTERNAL_ERROR![lang];
}

function byStatus(status: number): string {
  if (status === 400 || status === 422) return 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500 || status === 0) return 'SERVICE_UNAVAILABLE';
  return 'INTERNAL_ERROR';
}

/** A "not there" problem: the page says so and links home instead of offering a retry. */
export function isMissing(err: unknown): boolean {
  return err instanceof ApiError && err.status === 404 && /(^|_)NOT_FOUND$/.test(err.code);
}

export function errorCode(err: unknown): string | undefined {
  return err instanceof ApiError ? err.code : undefined;
}
