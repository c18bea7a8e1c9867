import { PosterPicture } from './PosterPicture.tsx';

/** A poster, or a lettered placeholder when the performance has none. */
export function Poster({
  url,
  title,
  size = 'md',
}: {
  url?: string | null;
  title: string;
  size?: 'sm' | 'md' | 'lg';
}) {
  if (url) {
    return (
      <PosterPicture
        url={url}
        className={`poster ${size}`}
        place={size === 'lg' ? 'detail' : size === 'sm' ? 'thumb' : 'tile'}
      />
    );
  }
  return (
    <div className={`poster ${size} placeholder`} aria-hidden="true">
      {title.slice(0, 2)}
    </div>
  );
}
