package org.tongpao.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void aCodeReadsBackAsWhatWasEncoded() {
        String url = "https://tongpao.example/api/v1/passes/verify/abc-DEF_123";
        BufferedImage image = QrCodes.image(url, 4);

        assertThat(QrCodes.read(image)).contains(url);
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isGreaterThan(4 * 21);
    }

    @Test
    void codesWhoseDataMimicsAFinderPatternStillRead() {
        // each of these (random pass codes) defeats ZXing's single-code detector even on a perfect image; CI lost a
        // build to one in 40 printed passes before the reader fell back to the multi-code detector
        for (String code : new String[] {"PSwvU3jxkD6HdNQQvrL4Yw4hlkeHmNIK", "h6LzEm5LzkYIQlTNiapjSk7lIoxmOnMo",
                "I43mNfJakQIyU5rbKsXf5288KxMwk4n5", "zJXwhV7eLGJc7CeRaej5G_A158oUX_bC"}) {
            String url = "http://localhost:8181/api/v1/passes/verify/" + code;
            assertThat(QrCodes.read(QrCodes.image(url, 8))).as(url).contains(url);
        }
    }

    @Test
    void chineseContentSurvivesTheRoundTrip() {
        assertThat(QrCodes.read(QrCodes.image("武汉 通行证", 3))).contains("武汉 通行证");
    }

    @Test
    void aBlankPictureHasNoCode() {
        assertThat(QrCodes.read(new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY))).isEmpty();
    }

    @Test
    void pixelsPerModuleMustBePositive() {
        assertThatThrownBy(() -> QrCodes.image("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
