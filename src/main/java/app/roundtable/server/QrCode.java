package app.roundtable.server;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** An SVG QR code: one path of unit squares, crisp at any projector size. */
final class QrCode {
  private QrCode() {}

  static String svg(String text) {
    BitMatrix m;
    try {
      m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code", e);
    }
    int w = m.getWidth();
    int h = m.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (m.get(x, y)) path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h
        + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code of the join link\">"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
  }
}
