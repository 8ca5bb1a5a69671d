package eu.vigie.classify.pdq;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import eu.vigie.common.problem.ProblemException;

/**
 * Decodes untrusted image bytes with {@code javax.imageio} (the decoder Meta's Java reference uses), safely: only the
 * decoders of the declared media type run, the dimensions are read from the header and checked against a pixel budget
 * before any pixel is allocated, only the first frame is read, and every decoding failure is a 422 problem.
 */
public final class ImageDecoder {

    /** The media types the service hashes (DESIGN.md). */
    public static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp");

    private final long maxPixels;

    public ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    public BufferedImage decode(byte[] bytes, String mediaType) {
        if (mediaType == null || !MEDIA_TYPES.contains(mediaType)) {
            throw ProblemException.unprocessable("unsupported-image-type", "Unsupported image type",
                    "Images must be one of " + MEDIA_TYPES.stream().sorted().toList());
        }
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.badRequest("The request body must hold the image bytes");
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
            if (!readers.hasNext()) {
                throw ProblemException.unprocessable("unsupported-image-type", "Unsupported image type",
                        "No decoder for " + mediaType + " in this deployment");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw undecodable(mediaType, "the image declares no pixels");
                }
                if ((long) width * height > maxPixels) {
                    throw ProblemException.tooLarge("The image is " + width + "x" + height + " pixels, more than the "
                            + maxPixels + " pixels this service decodes");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                BufferedImage image = reader.read(0, param);
                if (image == null || image.getWidth() != width || image.getHeight() != height) {
                    throw undecodable(mediaType, "the decoded frame does not have the declared size");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders signal malformed input with IIOException and, for some inputs, runtime exceptions.
            throw undecodable(mediaType, "the bytes are not a readable image of that type");
        }
    }

    private static ProblemException undecodable(String mediaType, String why) {
        return ProblemException.unprocessable("undecodable-image", "The image cannot be decoded",
                "The body was sent as " + mediaType + " but " + why);
    }
}
