package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.donation.internal.DonationFixture.HUBEI_DESK;
import static org.tongpao.donation.internal.DonationFixture.JIANGSU_DESK;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
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
        Donation d = f.hubeiMedicinesPledge("九州通医药集团 Jointown Pharmaceutical");
        DonationReceipt r = f.donations.receive(HUBEI_DESK, d.id(), f.delivery("HB-WH-01",
                f.accept(d.lines().get(0).id(), null, 60), f.noCertificate(d.lines().get(1).id(),
                        f.item("MASK-KN95"), 1)), null);

        // a reader who may not write the donation does not take the code waiting for the desk's print
        Acknowledgement read = f.donations.acknowledgement(DonationFixture.HUBEI, r.id(), "https://x/api/v1");
        assertThat(read.donorCode()).isNull();
        assertThat(PdfProbe.qrOnFirstPage(read.pdf())).isEmpty();
        Acknowledgement a = f.donations.acknowledgement(HUBEI_DESK, r.id(), "https://tongpao.example/api/v1/");
        assertThat(a.donorCode()).hasSize(24);

        assertThat(a.number()).isEqualTo("JZQR-000001");
        assertThat(a.fileName()).isEqualTo("acknowledgement-JZQR-000001.pdf");
        String text = PdfProbe.text(a.pdf());
        assertThat(text).contains("捐赠物资接收确认书").contains("Acknowledgement of donated goods")
                .contains("JZQR-000001").contains("JZ-000001").contains("Jointown").contains("MEDICINE-GENERAL")
                .contains("60").contains("missing").contains("湖北省").contains(a.donorCode());
        assertThat(PdfProbe.qrOnFirstPage(a.pdf())).contains("https://tongpao.example/api/v1/public/donations/"
                + a.donorCode());
        BufferedImage page = PdfProbe.firstPage(a.pdf(), 72);
        assertThat(darkPixels(page)).isGreaterThan(1000);
        assertThatThrownBy(() -> f.donations.acknowledgement(JIANGSU_DESK, r.id(), null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDonorCodeIsStoredHashedPrintedOnceAndReissuedOnRequest() {
        Donation d = f.hubeiMedicinesPledge("Jointown");
        DonationReceipt r = f.donations.receive(HUBEI_DESK, d.id(), f.delivery("HB-WH-01",
                f.accept(d.lines().get(0).id(), null, 60)), null);
        String code = f.donations.acknowledgement(HUBEI_DESK, r.id(), "https://t/api/v1").donorCode();
        assertThat(f.donations.publicDonation(code).number()).isEqualTo(d.number());

        // nowhere in the donation's table in clear: only its SHA-256
        java.util.List<String> stored = Transactions.read(f.ds, c -> Jdbc.query(c, "SELECT donor_code, "
                + "donor_code_pending, donor_code_hash FROM tp_don_donation WHERE id = ?", Jdbc.args(d.id()),
                rs -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)))).get(0);
        assertThat(stored.get(0)).isNull();
        assertThat(stored.get(1)).isNull();
        assertThat(stored.get(2)).isEqualTo(DonorCodes.hash(code)).doesNotContain(code);

        // a reprint shows when the code was issued, neither the code nor its QR code
        Acknowledgement again = f.donations.acknowledgement(HUBEI_DESK, r.id(), "https://t/api/v1");
        assertThat(again.donorCode()).isNull();
        assertThat(PdfProbe.text(again.pdf())).doesNotContain(code).contains("issued");
        assertThat(PdfProbe.qrOnFirstPage(again.pdf())).isEmpty();

        // lost: a new code, the old one dead at once, the new one on the next print
        assertThatThrownBy(() -> f.donations.reissueDonorCode(DonationFixture.JIANGSU_DESK, d.id(), "lost", null))
                .isInstanceOf(NotFoundException.class);
        f.donations.reissueDonorCode(HUBEI_DESK, d.id(), "donor lost the paper", "reissue-1");
        assertThatThrownBy(() -> f.donations.publicDonation(code)).isInstanceOf(NotFoundException.class);
        String fresh = f.donations.acknowledgement(HUBEI_DESK, r.id(), null).donorCode();
        assertThat(fresh).isNotNull().isNotEqualTo(code);
        assertThat(f.donations.publicDonation(fresh).number()).isEqualTo(d.number());
    }

    @Test
    void codesStoredInClearBeforeTheMigrationAreHashedAtStart() {
        Donation d = f.hubeiMedicinesPledge("Jointown");
        String legacy = "7KQ2-MX9C-4H8T-0PWD-J3RB";
        Transactions.write(f.ds, "legacy", c -> Jdbc.update(c, "UPDATE tp_don_donation SET donor_code = ?, "
                + "donor_code_hash = NULL, donor_code_pending = NULL WHERE id = ?", Jdbc.args(legacy, d.id())));

        int first = Transactions.write(f.ds, "hash", DonorCodes::hashStored);
        int second = Transactions.write(f.ds, "hash", DonorCodes::hashStored);
        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        long clear = Transactions.read(f.ds, c -> Jdbc.count(c, "SELECT COUNT(*) FROM tp_don_donation "
                + "WHERE donor_code IS NOT NULL", java.util.List.of()));
        assertThat(clear).isZero();
        assertThat(f.donations.publicDonation(legacy.toLowerCase()).number()).isEqualTo(d.number());
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
