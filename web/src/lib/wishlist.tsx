import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { wishlist } from '../api/endpoints.ts';
import { useSession } from './session.tsx';

interface Wishlist {
  has: (performanceId: string) => boolean;
  /** Flips the heart at once and sends it; puts it back (and rejects) when the server refuses. */
  toggle: (performanceId: string) => Promise<void>;
}

const WishlistContext = createContext<Wishlist | null>(null);

/**
 * The signed-in user's hearts, loaded once per sign-in from GET /users/me/wishlist/ids: the detail
 * is one cached document for everyone, so which hearts are filled is this user's own list.
 */
export function WishlistProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const idsRef = useRef(ids);
  idsRef.current = ids;

  useEffect(() => {
    setIds(new Set());
    if (!user) return;
    let live = true;
    wishlist
      .ids()
      .then((list) => live && setIds(new Set(list)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [user]);

  const set = useCallback((id: string, on: boolean) => {
    setIds((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const toggle = useCallback(
    async (id: string) => {
      const on = !idsRef.current.has(id);
      set(id, on);
      try {
        await (on ? wishlist.add(id) : wishlist.remove(id));
      } catch (err) {
        set(id, !on);
        throw err;
      }
    },
    [set],
  );

  const has = useCallback((id: string) => ids.has(id), [ids]);
  return <WishlistContext.Provider value={{ has, toggle }}>{children}</WishlistContext.Provider>;
}

export function useWishlist(): Wishlist {
  const value = useContext(WishlistContext);
  if (!value) throw new Error('useWishlist outside WishlistProvider');
  return value;
}
