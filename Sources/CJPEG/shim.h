#ifndef PORTAL_CJPEG_SHIM_H
#define PORTAL_CJPEG_SHIM_H

// libjpeg(-turbo) for previews. libjpeg's default error_exit prints and calls exit():
// one corrupt JPEG would end the whole application. The error manager here longjmps
// back into cjpeg_decode_file (a C frame: Swift frames are never jumped over) and the
// message is returned. Warnings ("premature end of data") are counted, not printed.
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

typedef struct {
  unsigned char *pixels;
  unsigned int width;
  unsigned int height;
  unsigned int declared_width;
  unsigned int declared_height;
  unsigned int scale_denom;
  int warnings;
  char message[JMSG_LENGTH_MAX + 40];
} cjpeg_result;

struct cjpeg_error_manager {
  struct jpeg_error_mgr pub;
  jmp_buf jump;
  int warnings;
};

static void cjpeg_error_exit(j_common_ptr cinfo) {
  struct cjpeg_error_manager *manager = (struct cjpeg_error_manager *)cinfo->err;
  longjmp(manager->jump, 1);
}

static void cjpeg_emit_message(j_common_ptr cinfo, int level) {
  if (level < 0) ((struct cjpeg_error_manager *)cinfo->err)->warnings += 1;
}

static void cjpeg_output_message(j_common_ptr cinfo) { (void)cinfo; }

/// Decodes a JPEG file to 8-bit RGB at the smallest DCT scale (1/1, 1/2, 1/4, 1/8) whose
/// output still covers `target_width` × `target_height` (0 = full size): a 24-megapixel
/// photo for a 240×80-pixel pane is decoded at 1/8, which skips most of the IDCT work.
/// Refuses (returns 2) when the output or libjpeg's working memory would pass `max_bytes`.
/// Returns 1 on success, 0 on a corrupt file with `message` set.
static inline int cjpeg_decode_file(
    const char *path, unsigned int target_width, unsigned int target_height, size_t max_bytes, cjpeg_result *result) {
  memset(result, 0, sizeof(*result));
  FILE *file = fopen(path, "rb");
  if (file == NULL) {
    snprintf(result->message, sizeof(result->message), "cannot open the file");
    return 0;
  }
  struct jpeg_decompress_struct cinfo;
  struct cjpeg_error_manager manager;
  // volatile: these change between setjmp and a longjmp back to it.
  unsigned char *volatile buffer = NULL;
  unsigned char *volatile row = NULL;
  volatile int refused = 0;
  memset(&cinfo, 0, sizeof(cinfo));
  cinfo.err = jpeg_std_error(&manager.pub);
  manager.pub.error_exit = cjpeg_error_exit;
  manager.pub.emit_message = cjpeg_emit_message;
  manager.pub.output_message = cjpeg_output_message;
  manager.warnings = 0;
  if (setjmp(manager.jump)) {
    if (!refused) (*cinfo.err->format_message)((j_common_ptr)&cinfo, result->message);
    jpeg_destroy_decompress(&cinfo);
    fclose(file);
    free(buffer);
    free(row);
    result->pixels = NULL;
    return refused ? 2 : 0;
  }
  jpeg_create_decompress(&cinfo);
  // Working memory (a progressive JPEG keeps every coefficient of the full image) is
  // capped too: past it libjpeg raises an error instead of allocating.
  cinfo.mem->max_memory_to_use = (long)(max_bytes > 0x7FFFFFFF ? 0x7FFFFFFF : max_bytes);
  jpeg_stdio_src(&cinfo, file);
  jpeg_read_header(&cinfo, TRUE);
  result->declared_width = cinfo.image_width;
  result->declared_height = cinfo.image_height;
  unsigned int denom = 1;
  if (target_width > 0 && target_height > 0) {
    while (denom < 8 && cinfo.image_width / (denom * 2) >= target_width &&
           cinfo.image_height / (denom * 2) >= target_height)
      denom *= 2;
  }
  cinfo.scale_num = 1;
  cinfo.scale_denom = denom;
  cinfo.dct_method = JDCT_IFAST;
  int cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
  cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
  jpeg_calc_output_dimensions(&cinfo);
  size_t width = cinfo.output_width, height = cinfo.output_height;
  size_t needed = width * height * 3u;
  if (width == 0 || height == 0 || needed / 3u / width != height || needed > max_bytes) {
    refused = 1;
    snprintf(result->message, sizeof(result->message), "too large");
    longjmp(manager.jump, 1);
  }
  buffer = (unsigned char *)malloc(needed);
  row = (unsigned char *)malloc(width * 4u);
  if (buffer == NULL || row == NULL) {
    refused = 1;
    snprintf(result->message, sizeof(result->message), "out of memory");
    longjmp(manager.jump, 1);
  }
  jpeg_start_decompress(&cinfo);
  while (cinfo.output_scanline < cinfo.output_height) {
    size_t y = cinfo.output_scanline;
    JSAMPROW rows[1] = {row};
    if (jpeg_read_scanlines(&cinfo, rows, 1) != 1) break;
    unsigned char *out = buffer + y * width * 3u;
    if (cmyk) {
      // Adobe writes inverted CMYK: the stored values are 255 - ink.
      for (size_t x = 0; x < width; x++) {
        unsigned int c = row[4 * x], m = row[4 * x + 1], yy = row[4 * x + 2], k = row[4 * x + 3];
        out[3 * x] = (unsigned char)(c * k / 255u);
        out[3 * x + 1] = (unsigned char)(m * k / 255u);
        out[3 * x + 2] = (unsigned char)(yy * k / 255u);
      }
    } else {
      memcpy(out, row, width * 3u);
    }
  }
  free(row);
  row = NULL;
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  fclose(file);
  result->pixels = buffer;
  result->width = (unsigned int)width;
  result->height = (unsigned int)height;
  result->scale_denom = denom;
  result->warnings = manager.warnings;
  return 1;
}

/// Frees a successful result's pixels.
static inline void cjpeg_free(cjpeg_result *result) {
  free(result->pixels);
  result->pixels = NULL;
}

#endif
