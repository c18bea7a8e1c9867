import type { CatalogInfra, CatalogModule } from './index.ts';
import { CatalogRepository, type VenueContact } from './catalog.repository.ts';
import { kstDay } from './calendar.ts';

type Section = { name: string; grade: string; rows: number; seatsPerRow: number };
interface DemoVenue {
  key: string;
  name: string;
  address: string;
  sections: Section[];
}
/** Where the demo venues are and how to reach them (as their own sites list it). */
const VENUE_CONTACTS: Record<string, Partial<VenueContact>> = {
  blue: {
    latitude: 37.5407,
    longitude: 127.0026,
    phone: '1544-1591',
    parking: '건물 지하 주차장, 공연 관람객 4시간 할인 (혼잡하니 대중교통을 이용해 주세요)',
    directions: '6호선 한강진역 2번 출구 바로 앞',
  },
  olympic: {
    latitude: 37.516,
    longitude: 127.126,
    phone: '02-410-1114',
    parking: '올림픽공원 남1문·북2문 주차장 (유료)',
    directions: '5호선 올림픽공원역 3번 출구 도보 10분, 9호선 한성백제역 1번 출구',
  },
  sac: {
    latitude: 37.4786,
    longitude: 127.0113,
    phone: '02-580-1300',
    parking: '예술의전당 지상·지하 주차장 (관람객 할인)',
    directions: '3호선 남부터미널역 5번 출구에서 마을버스 22번 또는 도보 15분',
  },
  daehak: {
    latitude: 37.5826,
    longitude: 127.0027,
    parking: '전용 주차장 없음, 인근 공영주차장 이용',
    directions: '4호선 혜화역 1번 출구 도보 5분',
  },
  lg: {
    latitude: 37.5605,
    longitude: 126.8254,
    phone: '1661-0017',
    parking: 'LG아트센터 서울 지하 주차장 (관람객 4시간 할인)',
    directions: '9호선·공항철도 마곡나루역 3번 출구와 지하로 연결',
  },
  sejong: {
    latitude: 37.5725,
    longitude: 126.976,
    phone: '02-399-1000',
    parking: '세종문화회관 지하 주차장 (유료, 관람객 할인)',
    directions: '5호선 광화문역 1번·8번 출구 연결',
  },
};

interface DemoShow {
  title: string;
  category: string;
  venue: string;
  cast: string[];
  description: string;
  minutes: number;
  age: number;
  /** Prices per grade, in thousands of KRW, most expensive first. */
  prices: number[];
}

/** The discounts Korean theatres commonly offer, each checked at the door. */
const DEMO_TICKET_TYPES = [
  {
    code: 'YOUTH',
    name: '청소년',
    discountPercent: 20,
    proofRequired: true,
    proofNote: '청소년증 또는 학생증 (만 24세 이하)',
  },
  {
    code: 'DISABLED',
    name: '장애인',
    discountPercent: 50,
    proofRequired: true,
    proofNote: '장애인 복지카드 (본인)',
  },
  {
    code: 'VETERAN',
    name: '국가유공자',
    discountPercent: 50,
    proofRequired: true,
    proofNote: '국가유공자증 (본인)',
  },
];

const VENUES: DemoVenue[] = [
  {
    key: 'blue',
    name: '블루스퀘어 신한카드홀',
    address: '서울 용산구 이태원로 294',
    sections: [
      { name: '1층 VIP', grade: 'VIP', rows: 8, seatsPerRow: 30 },
      { name: '1층 R', grade: 'R', rows: 12, seatsPerRow: 30 },
      { name: '2층 S', grade: 'S', rows: 10, seatsPerRow: 28 },
      { name: '3층 A', grade: 'A', rows: 10, seatsPerRow: 25 },
    ],
  },
  {
    key: 'olympic',
    name: '올림픽공원 올림픽홀',
    address: '서울 송파구 올림픽로 424',
    sections: [
      { name: '플로어', grade: 'VIP', rows: 10, seatsPerRow: 40 },
      { name: '1층', grade: 'R', rows: 10, seatsPerRow: 40 },
      { name: '2층', grade: 'S', rows: 8, seatsPerRow: 30 },
    ],
  },
  {
    key: 'sac',
    name: '예술의전당 콘서트홀',
    address: '서울 서초구 남부순환로 2406',
    sections: [
      { name: '1층', grade: 'R', rows: 15, seatsPerRow: 30 },
      { name: '2층', grade: 'S', rows: 10, seatsPerRow: 25 },
      { name: '3층', grade: 'A', rows: 6, seatsPerRow: 20 },
    ],
  },
  {
    key: 'daehak',
    name: '대학로 아트원씨어터 2관',
    address: '서울 종로구 대학로12길 64',
    sections: [
      { name: '앞블록', grade: 'R', rows: 6, seatsPerRow: 15 },
      { name: '뒷블록', grade: 'S', rows: 4, seatsPerRow: 15 },
    ],
  },
  {
    key: 'lg',
    name: 'LG아트센터 서울 LG SIGNATURE 홀',
    address: '서울 강서구 마곡중앙로 136',
    sections: [
      { name: '1층', grade: 'R', rows: 12, seatsPerRow: 30 },
      { name: '2층', grade: 'S', rows: 8, seatsPerRow: 25 },
    ],
  },
  {
    key: 'sejong',
    name: '세종문화회관 미술관',
    address: '서울 종로구 세종대로 175',
    sections: [{ name: '일반 입장', grade: 'A', rows: 10, seatsPerRow: 20 }],
  },
];

const m = (title: string, cast: string[], description: string, minutes = 160): DemoShow => ({
  title,
  category: 'musical',
  venue: 'blue',
  cast,
  description,
  minutes,
  age: 8,
  prices: [170, 140, 110, 80],
});
const c = (title: string, cast: string[], description: string): DemoShow => ({
  title,
  category: 'concert',
  venue: 'olympic',
  cast,
  description,
  minutes: 150,
  age: 0,
  prices: [165, 143, 121],
});
const p = (title: string, cast: string[], description: string): DemoShow => ({
  title,
  category: 'play',
  venue: 'daehak',
  cast,
  description,
  minutes: 110,
  age: 13,
  prices: [55, 44],
});
const k = (title: string, cast: string[], description: string): DemoShow => ({
  title,
  category: 'classical',
  venue: 'sac',
  cast,
  description,
  minutes: 120,
  age: 7,
  prices: [150, 110, 70],
});
const d = (title: string, cast: string[], description: string): DemoShow => ({
  title,
  category: 'dance',
  venue: 'lg',
  cast,
  description,
  minutes: 130,
  age: 5,
  prices: [100, 70],
});
const e = (title: string, cast: string[], description: string): DemoShow => ({
  title,
  category: 'exhibition',
  venue: 'sejong',
  cast,
  description,
  minutes: 90,
  age: 0,
  prices: [20],
});

export const DEMO_SHOWS: DemoShow[] = [
  m(
    '레미제라블',
    ['민우혁', '김우형', '카이'],
    '빅토르 위고 원작, 혁명의 파리에서 펼쳐지는 장발장의 이야기',
    175,
  ),
  m('오페라의 유령', ['조승우', '김주택', '손지수'], '파리 오페라 하우스 지하에 숨은 유령과 크리스틴의 사랑'),
  m('지킬 앤 하이드', ['홍광호', '신성록', '윤공주'], '선과 악, 두 개의 인격 사이에서 무너지는 지킬 박사'),
  m('위키드', ['옥주현', '정선아', '손준호'], '오즈의 마법사 이전, 두 마녀의 우정 이야기', 170),
  m('시카고', ['최정원', '아이비', '박건형'], '1920년대 시카고, 재즈와 스캔들로 물든 쇼 비즈니스', 150),
  m('엘리자벳', ['옥주현', '이지훈', '김준수'], '합스부르크 황후 엘리자벳과 죽음(Der Tod)의 이야기'),
  c('아이유 콘서트 HER', ['아이유'], '아이유의 단독 콘서트. 새 앨범 수록곡 최초 공개'),
  c('임영웅 IM HERO 투어', ['임영웅'], '전국 투어 서울 공연'),
  c('성시경 연말 콘서트 축가', ['성시경'], '매년 겨울 돌아오는 성시경의 연말 공연'),
  c('잔나비 전국투어 판타지', ['최정훈', '김도형'], '밴드 잔나비의 라이브'),
  c('데이식스 Forever Young', ['성진', 'Young K', '원필', '도운'], 'DAY6 world tour in Seoul'),
  c('10CM 봄 콘서트', ['권정열'], '어쿠스틱 밴드 10CM의 봄 시즌 공연'),
  p('햄릿', ['이승주', '강필석'], '셰익스피어 4대 비극, 덴마크 왕자의 복수'),
  p('라이어', ['안내상', '김진수'], '거짓말이 거짓말을 부르는 코미디 연극'),
  p('옥탑방 고양이', ['정다은', '김도현'], '옥탑방에서 시작된 두 남녀의 동거 로맨스'),
  p('날 보러와요', ['이대연', '김준원'], '화성 연쇄살인 사건을 모티브로 한 연극'),
  p('갈매기', ['서이숙', '남명렬'], '안톤 체호프 원작. 예술과 사랑에 대한 이야기'),
  p('오만과 편견', ['정운선', '이동하'], '제인 오스틴 원작, 엘리자베스와 다아시의 로맨스'),
  k('조성진 피아노 리사이틀', ['조성진'], '쇼팽, 드뷔시, 라벨 프로그램'),
  k('서울시향 베토벤 교향곡 9번 합창', ['얍 판 츠베덴', '서울시립교향악단'], '연말 합창 교향곡'),
  k('임윤찬 & 서울시향', ['임윤찬', '서울시립교향악단'], '라흐마니노프 피아노 협주곡 3번'),
  k('빈 필하모닉 내한공연', ['빈 필하모닉 오케스트라'], 'Wiener Philharmoniker Korea tour: Brahms, Dvořák'),
  k('KBS교향악단 말러 교향곡 5번', ['KBS교향악단'], '말러의 아다지에토'),
  k('손열음 모차르트 협주곡', ['손열음', '코리안심포니오케스트라'], '모차르트 피아노 협주곡 20번, 21번'),
  d('국립발레단 백조의 호수', ['박슬기', '이재우'], '차이콥스키의 대표 발레'),
  d('유니버설발레단 호두까기 인형', ['홍향기', '이동탁'], '크리스마스 시즌 가족 발레'),
  d('국립현대무용단 몸쓰다', ['국립현대무용단'], '현대무용 신작'),
  d('지젤', ['김리회', '허서명'], '낭만 발레의 정수'),
  d('국립무용단 향연', ['국립무용단'], '한국 전통춤의 아름다움을 담은 무대'),
  e('반 고흐 몰입형 전시', ['빈센트 반 고흐'], 'Van Gogh immersive exhibition'),
  e('모네 빛의 정원', ['클로드 모네'], '인상주의 거장 모네의 정원'),
  e('앤디 워홀 팝아트전', ['앤디 워홀'], 'Andy Warhol pop art'),
];

/**
 * Demo catalogue for newcomers: venues (one a 1,130-seat hall with VIP/R/S/A), 32 performances across
 * all categories and showtimes over the coming weeks. Goes through the admin service so the data obeys
 * the same rules as an admin's. Idempotent: titles and venues already present are skipped.
 */
export async function seedDemoCatalog(
  infra: CatalogInfra & { catalog: Pick<CatalogModule, 'admin'> },
): Promise<void> {
  const { admin } = infra.catalog;
  const repo = new CatalogRepository();
  const db = infra.db;
  const categories = new Map((await repo.categories(db)).map((r) => [r.slug, r.id]));
  const venueIds = new Map<string, string>();
  for (const v of VENUES) {
    venueIds.set(
      v.key,
      (await repo.venueIdByName(db, v.name)) ??
        (await admin.createVenue({ ...v, ...VENUE_CONTACTS[v.key] })).id,
    );
  }
  const now = infra.clock.nowMs();
  for (const [i, show] of DEMO_SHOWS.entries()) {
    if ((await repo.performanceIdByTitle(db, show.title)) !== undefined) continue;
    const venue = VENUES.find((v) => v.key === show.venue)!;
    const grades = [...new Set(venue.sections.map((s) => s.grade))];
    const startOffset = i % 5 === 4 ? -10 : i % 7; // some already running
    const start = now + startOffset * 86400_000;
    const { id } = await admin.createPerformance({
      title: show.title,
      description: show.description,
      categoryId: categories.get(show.category)!,
      venueId: venueIds.get(show.venue)!,
      startDate: kstDay(start),
      endDate: kstDay(start + (30 + (i % 4) * 10) * 86400_000),
      runningMinutes: show.minutes,
      ageRating: show.age,
      cast: show.cast,
      prices: grades.map((grade, g) => ({ grade, price: (show.prices[g] ?? show.prices.at(-1)!) * 1000 })),
      ticketTypes: show.category === 'exhibition' ? [] : DEMO_TICKET_TYPES,
    });
    const firstDay = Math.max(startOffset, 1);
    for (const [n, dayOffset] of [firstDay, firstDay + 4, firstDay + 11].entries()) {
      const time = show.category === 'exhibition' ? '10:00' : n % 2 === 0 ? '19:30' : '15:00';
      const day = new Date(`${kstDay(now + dayOffset * 86400_000)}T${time}:00+09:00`);
      // The big concerts open sales tomorrow at 20:00 behind a waiting room, like a real onsale; every
      // third show opens its last date within the week at 14:00 or 20:00 (the home page's ticket-open list).
      const onsale = n === 2 && (show.category === 'concert' || i % 3 === 0);
      const opensDay = kstDay(now + (show.category === 'concert' ? 1 : 1 + (i % 5)) * 86400_000);
      const salesOpenAt = onsale
        ? new Date(`${opensDay}T${show.category !== 'concert' && i % 2 ? '14:00' : '20:00'}:00+09:00`)
        : new Date(now - 86400_000);
      await admin.createShowtime(id, {
        startsAt: day.toISOString(),
        salesOpenAt: salesOpenAt.toISOString(),
        salesCloseAt: new Date(day.getTime() - 3600_000).toISOString(),
        maxTicketsPerUser: show.category === 'concert' ? 2 : 4,
        // Double casting: each showtime leads with a different member of the cast.
        cast: [...show.cast.slice(n % show.cast.length), ...show.cast.slice(0, n % show.cast.length)],
        queue:
          onsale && show.category === 'concert'
            ? { enabled: true, admitPerSecond: 50, maxActive: 500, sessionSeconds: 600 }
            : undefined,
      });
    }
    // A plausible popularity so "popular" and "views" sorts differ from the start.
    await repo.setCounts(db, id, { views: ((i * 7919) % 997) * 13, sales: ((i * 104729) % 89) * 11 });
  }
  infra.log.info({ performances: DEMO_SHOWS.length, venues: VENUES.length }, 'demo catalogue ready');
}
