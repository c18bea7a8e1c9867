import { posterSources, POSTER_SIZES } from './posterSources.ts';

/**
 * A poster image: an uploaded one as <picture> with WebP and JPEG sizes (the browser picks the width
 * its layout and screen need), any other URL as a plain <img>. The <picture> box is `display:
 * contents`, so the <img> lays out exactly as it did without it.
 */
export function PosterPicture({
  url,
  place,
  className,
  alt = '',
  width,
  height,
}: {
  url: string;
  place: keyof typeof POSTER_SIZES;
  className?: string;
  alt?: string;
  width?: number;
  height?: number;
}) {
  const sources = posterSources(url);
  if (!sources) {
    return <img className={className} src={url} alt={alt} loading="lazy" width={width} height={height} />;
  }
  const sizes = POSTER_SIZES[place];
  return (
    <picture className="poster-picture">
      <source type="image/webp" srcSet={sources.webp} sizes={sizes} />
      <img
        className={className}
        src={sources.src(place === 'thumb' ? 96 : 320)}
        srcSet={sources.jpeg}
        sizes={sizes}
        alt={alt}
        loading="lazy"
        width={width}
        height={height}
      />
    </picture>
  );
}
