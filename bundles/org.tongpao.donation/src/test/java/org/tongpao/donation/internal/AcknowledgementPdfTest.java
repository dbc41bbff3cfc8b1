package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.donation.internal.DonationFixture.HUBEI_DESK;
import static org.tongpao.donation.internal.DonationFixture.JIANGSU_DESK;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.NotFoundException;
import org.tongpao.documents.testing.PdfProbe;
import org.tongpao.donation.Acknowledgement;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationReceipt;

class AcknowledgementPdfTest {
    private final DonationFixture f = new DonationFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theAcknowledgementIsABilingualPdfWithItemsDesignationAndTheDonorCodeAsQr() {
        long donor = f.enterprise(HUBEI_DESK, "九州通医药集团 Jointown Pharmaceutical");
        Donation d = f.donations.pledge(HUBEI_DESK, f.medicines(donor, 100, DonationFixture.forHubei()), null);
        DonationReceipt r = f.donations.receive(HUBEI_DESK, d.id(), f.delivery("HB-WH-01",
                f.accept(d.lines().get(0).id(), null, 60), f.noCertificate(d.lines().get(1).id(),
                        f.item("MASK-KN95"), 1)), null);

        Acknowledgement a = f.donations.acknowledgement(HUBEI_DESK, r.id(), "https://tongpao.example/api/v1/");

        assertThat(a.number()).isEqualTo("JZQR-000001");
        assertThat(a.fileName()).isEqualTo("acknowledgement-JZQR-000001.pdf");
        String text = PdfProbe.text(a.pdf());
        assertThat(text).contains("捐赠物资接收确认书").contains("Acknowledgement of donated goods")
                .contains("JZQR-000001").contains("JZ-000001").contains("Jointown").contains("MEDICINE-GENERAL")
                .contains("60").contains("missing").contains("湖北省").contains(d.donorCode());
        assertThat(PdfProbe.qrOnFirstPage(a.pdf())).contains("https://tongpao.example/api/v1/public/donations/"
                + d.donorCode());
        BufferedImage page = PdfProbe.firstPage(a.pdf(), 72);
        assertThat(darkPixels(page)).isGreaterThan(1000);
        assertThatThrownBy(() -> f.donations.acknowledgement(JIANGSU_DESK, r.id(), null))
                .isInstanceOf(NotFoundException.class);
    }

    private static int darkPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
                    n++;
                }
            }
        }
        return n;
    }
}
