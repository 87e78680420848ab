#ifndef PORTAL_CPNG_SHIM_H
#define PORTAL_CPNG_SHIM_H

// libpng for previews, through its "simplified" API (libpng 1.6): it catches every
// libpng error with its own setjmp (png_safe_execute) and returns 0 with a message,
// so a corrupt or hostile PNG can never longjmp through Swift frames or abort.
#include <png.h>
#include <stdlib.h>
#include <string.h>

/// What a decode produced: an 8-bit RGB buffer (malloc'd, the caller frees it with
/// cpng_free) or a message saying why not.
typedef struct {
  unsigned char *pixels;
  unsigned int width;
  unsigned int height;
  unsigned int declared_width;
  unsigned int declared_height;
  char message[160];
} cpng_result;

static inline void cpng_set_message(cpng_result *result, const char *text) {
  strncpy(result->message, text, sizeof(result->message) - 1);
  result->message[sizeof(result->message) - 1] = 0;
}

/// Shared tail of the two entry points: checks the declared size against `max_bytes`
/// before allocating anything, then decodes to RGB over a white background (alpha is
/// composited, as a viewer would show it).
static inline int cpng_finish(png_image *image, size_t max_bytes, cpng_result *result) {
  result->declared_width = image->width;
  result->declared_height = image->height;
  size_t needed = (size_t)image->width * (size_t)image->height * 3u;
  if (image->width == 0 || image->height == 0) {
    png_image_free(image);
    cpng_set_message(result, "the PNG declares an empty image");
    return 0;
  }
  if (image->width > 0x7FFFFFFFu / 3u || needed / 3u / image->width != image->height || needed > max_bytes) {
    png_image_free(image);
    cpng_set_message(result, "too large");
    return 2;
  }
  image->format = PNG_FORMAT_RGB;
  unsigned char *buffer = (unsigned char *)malloc(needed);
  if (buffer == NULL) {
    png_image_free(image);
    cpng_set_message(result, "out of memory");
    return 0;
  }
  png_color background = {255, 255, 255};
  if (!png_image_finish_read(image, &background, buffer, 0, NULL)) {
    free(buffer);
    cpng_set_message(result, image->message);
    png_image_free(image);
    return 0;
  }
  result->pixels = buffer;
  result->width = image->width;
  result->height = image->height;
  png_image_free(image);
  return 1;
}

/// Decodes PNG bytes in memory. Returns 1 on success, 2 when the declared size needs
/// more than `max_bytes`, 0 on a corrupt file (see `message`).
static inline int cpng_decode_memory(const void *data, size_t size, size_t max_bytes, cpng_result *result) {
  memset(result, 0, sizeof(*result));
  png_image image;
  memset(&image, 0, sizeof(image));
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, data, size)) {
    cpng_set_message(result, image.message);
    png_image_free(&image);
    return 0;
  }
  return cpng_finish(&image, max_bytes, result);
}

/// Decodes a PNG file (read by libpng through stdio, never whole into memory first).
static inline int cpng_decode_file(const char *path, size_t max_bytes, cpng_result *result) {
  memset(result, 0, sizeof(*result));
  png_image image;
  memset(&image, 0, sizeof(image));
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path)) {
    cpng_set_message(result, image.message);
    png_image_free(&image);
    return 0;
  }
  return cpng_finish(&image, max_bytes, result);
}

/// Frees a successful result's pixels.
static inline void cpng_free(cpng_result *result) {
  free(result->pixels);
  result->pixels = NULL;
}

#endif
