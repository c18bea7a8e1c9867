import { Type } from 'typebox';

export const StoredImage = Type.Object({
  url: Type.String({ description: 'The largest JPEG; the other sizes and the WebP files share its name' }),
  width: Type.Integer(),
  height: Type.Integer(),
});

/** A chat image: the URL to put in a message's `imageUrl`. */
export const UploadedUrl = Type.Object({
  url: Type.String({ description: 'The image (largest JPEG); only such URLs are accepted in chat messages' }),
});

export const MediaParams = Type.Object({
  file: Type.String({ pattern: '^[a-z]+-[0-9a-f]{24}-[0-9]{1,4}\\.(webp|jpg)$', maxLength: 64 }),
});

/** Documents the multipart body; validation happens while reading it (src/http/multipart.ts). */
export const imageUploadBody = {
  consumes: ['multipart/form-data'],
  description:
    'multipart/form-data with one file in the field `file`: JPEG, PNG or WebP (by content), at most UPLOAD_MAX_BYTES (5 MB)',
};
