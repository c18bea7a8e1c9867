import type { RecordedRequest, StubReply } from '../test/openai-stub.ts';

/**
 * The e2e stack's "model": a scripted stand-in that behaves like a tool-calling model for the
 * assistant journey. Asked a question, it searches the catalogue with the words before "공연"; given
 * the search result, it answers from it (and only from it), as the system prompt demands.
 */
export function e2eModel(request: RecordedRequest): StubReply {
  const last = request.messages.at(-1);
  if (last?.role === 'user') {
    const words = (last.content ?? '').split(/\s*공연/)[0]!.trim();
    return { toolCalls: [{ name: 'search_performances', arguments: { query: words, limit: 3 } }] };
  }
  if (last?.role === 'tool') {
    const result = JSON.parse(last.content ?? '{}') as {
      performances?: Array<{ title: string; venue: string; startDate: string; endDate: string }>;
    };
    const found = result.performances ?? [];
    if (found.length === 0) return { text: ['찾아봤지만 ', '맞는 공연이 ', '없어요.'] };
    const p = found[0]!;
    return {
      text: [
        '찾아봤어요. ',
        `${p.title} 공연이 `,
        `${p.venue}에서 `,
        `${p.startDate}부터 ${p.endDate}까지 열려요. `,
        '아래 링크에서 회차와 좌석을 확인하세요.',
      ],
    };
  }
  return { text: '무엇을 도와드릴까요?' };
}
