import { isIPv4 } from 'node:net';

/**
 * A short label for the device list ("Chrome · macOS"), read from the User-Agent. Only the names a
 * person recognises their own device by; order matters, since most browsers also claim to be Chrome
 * or Safari. An unknown agent is "알 수 없는 기기" in the web app (an empty label here).
 */
const BROWSERS: [RegExp, string][] = [
  [/KAKAOTALK/i, 'KakaoTalk'],
  [/NAVER\(inapp|NAVER\//, 'NAVER'],
  [/Whale\//, 'Whale'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

export function deviceLabel(userAgent: string | undefined): string {
  if (!userAgent) return '';
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  return [browser, system].filter(Boolean).join(' · ');
}

/**
 * The address as the device list shows it: enough to tell home from elsewhere, not a whole address
 * (the last IPv4 octet, IPv6 past its first three groups).
 */
export function maskAddress(address: string): string {
  const ip = address.replace(/^::ffff:/i, '');
  if (isIPv4(ip)) return ip.replace(/\.\d+$/, '.*');
  const groups = ip.split(':').filter(Boolean);
  return groups.length > 0 ? `${groups.slice(0, 3).join(':')}:*` : '';
}
