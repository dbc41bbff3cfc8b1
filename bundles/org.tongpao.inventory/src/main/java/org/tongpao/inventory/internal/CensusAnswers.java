package org.tongpao.inventory.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.inventory.Census;
import org.tongpao.inventory.CensusAnswer;
import org.tongpao.inventory.CensusSubmission;
import org.tongpao.inventory.NewCensus;

/**
 * The census across nodes: a census another node opened, opened here once ({@link #openReplica}), and a
 * province's answer its own install took, recorded here as it stands ({@link #recordAnswer}).
 */
final class CensusAnswers {
    private final Ledger ledger;
    private final CensusBook book;
    private final ProvinceRegistry provinces;

    CensusAnswers(Ledger ledger, CensusBook book, ProvinceRegistry provinces) {
        this.ledger = ledger;
        this.book = book;
        this.provinces = provinces;
    }

    Census openReplica(Caller caller, String source, NewCensus r) {
        ScopeRules.requireMinistryWriter(caller, "a reserve census");
        String origin = Checks.text("source", source, 80);
        Set<String> categories = CensusBook.validated(r);
        Ref ref = ledger.write(caller, null, "inventory.census-replica", Map.of("source", origin), tx -> {
            Optional<Long> opened = Jdbc.one(tx.c, "SELECT id FROM tp_inv_census WHERE source = ?", List.of(origin),
                    rs -> rs.getLong(1));
            // the deadline may have passed: the census was opened elsewhere, this node only learns of it
            long id = opened.isPresent() ? opened.get() : book.insert(tx, r, categories, origin);
            return new Ref("census", Long.toString(id));
        });
        return ledger.read(c -> book.report(c, caller, book.head(c, Long.parseLong(ref.id()))));
    }

    Census recordAnswer(Caller caller, long censusId, CensusAnswer a) {
        Checks.required("answer", a);
        String province = Checks.text("provinceCode", a.provinceCode(), 2);
        if (!provinces.isValid(province)) {
            throw new ValidationException("provinceCode", "unknown province " + province);
        }
        if (!caller.canWriteProvince(province)) {
            throw new AccessDeniedException(caller.user() + " may not answer the census for province " + province);
        }
        Checks.text("node", a.node(), 40);
        Checks.text("submittedBy", a.submittedBy(), 128);
        Checks.required("submittedAt", a.submittedAt());
        if (a.version() < 1) {
            throw new ValidationException("version", "version must be 1 or more");
        }
        List<CensusSubmission.Declared> declared = a.declared() == null ? List.of() : a.declared();
        CensusBook.validate(declared);
        Map<String, Long> system = a.system() == null ? Map.of() : a.system();
        ledger.write(caller, null, "inventory.census-answer:" + censusId, a, tx -> {
            CensusBook.Head h = book.head(tx.c, censusId);
            requireCategories(h, system.keySet(), declared);
            Optional<Long> known = Jdbc.one(tx.c, "SELECT id FROM tp_inv_census_submission WHERE census_id = ? "
                    + "AND province_code = ? AND version_no = ?", List.of(censusId, province, a.version()),
                    rs -> rs.getLong(1));
            if (known.isPresent()) {
                // a resend, or an answer older than one already here: versions keep the order, nothing changes
                return new Ref("census-submission", known.get().toString());
            }
            long submissionId = Jdbc.insert(tx.c, "INSERT INTO tp_inv_census_submission (census_id, province_code, "
                    + "version_no, submitted_by, submitted_at, source_node, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    List.of(censusId, province, a.version(), a.submittedBy(), a.submittedAt(), a.node(), tx.now));
            for (Map.Entry<String, Long> e : system.entrySet()) {
                Jdbc.update(tx.c, "INSERT INTO tp_inv_census_figure (submission_id, category_code, declared, quantity) "
                        + "VALUES (?, ?, FALSE, ?)", List.of(submissionId, e.getKey(), e.getValue()));
            }
            CensusBook.insertDeclared(tx, submissionId, declared);
            ledger.audit.record(tx.c, caller, "census", censusId + ":" + province, "ANSWER", null, a);
            ledger.events.censusSubmitted(tx, censusId, h.source(), new CensusAnswer(a.node(), province, a.version(),
                    a.submittedAt(), a.submittedBy(), system, declared));
            return new Ref("census-submission", Long.toString(submissionId));
        });
        return ledger.read(c -> book.report(c, caller, book.head(c, censusId)));
    }

    private static void requireCategories(CensusBook.Head h, Set<String> system,
            List<CensusSubmission.Declared> declared) {
        for (String category : system) {
            if (!h.categories().contains(category)) {
                throw new ValidationException("system", "category " + category + " is not part of this census");
            }
        }
        for (int i = 0; i < declared.size(); i++) {
            if (!h.categories().contains(declared.get(i).categoryCode().strip())) {
                throw new ValidationException("declared[" + i + "].categoryCode", "category "
                        + declared.get(i).categoryCode() + " is not part of this census");
            }
        }
    }
}
