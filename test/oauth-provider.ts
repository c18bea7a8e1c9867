import { OAuth2Server } from 'oauth2-mock-server';

/**
 * A real local OAuth2/OIDC server (oauth2-mock-server) standing in for Kakao, Naver and Google: it
 * issues codes, checks the PKCE verifier against the challenge of the authorize step, issues tokens
 * and answers the profile request with `profile` in the shape of whichever provider a test plays.
 */
export interface LocalOAuthProvider {
  url: string;
  /** OAUTH_<NAME>_* settings pointing the provider at this server. */
  env(name: 'kakao' | 'naver' | 'google'): Record<string, string>;
  /** The body of the next profile (userinfo) answers. */
  profile: unknown;
  /** Token requests the server received, as form fields (to show the verifier is sent). */
  tokenRequests: Record<string, string>[];
  close(): Promise<void>;
}

export async function startLocalOAuthProvider(): Promise<LocalOAuthProvider> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const url = server.issuer.url!.replace(/\/$/, '');
  const provider: LocalOAuthProvider = {
    url,
    profile: { sub: 'nobody' },
    tokenRequests: [],
    env: (name) => {
      const key = name.toUpperCase();
      return {
        [`OAUTH_${key}_CLIENT_ID`]: `${name}-client`,
        [`OAUTH_${key}_CLIENT_SECRET`]: `${name}-secret`,
        [`OAUTH_${key}_ENDPOINTS`]: `${url}/authorize,${url}/token,${url}/userinfo`,
      };
    },
    close: () => server.stop(),
  };
  server.service.on('beforeUserinfo', (response: { body: unknown }) => {
    response.body = provider.profile;
  });
  server.service.on('beforeResponse', (_response: unknown, req: { body: Record<string, string> }) => {
    provider.tokenRequests.push({ ...req.body });
  });
  return provider;
}
