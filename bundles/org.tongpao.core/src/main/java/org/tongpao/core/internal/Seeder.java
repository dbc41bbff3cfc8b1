package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.Category;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.Province;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.persistence.Transactions;

/**
 * First-start data: the ministry root, one provincial department per province, the catalogue from
 * the bundle's CSV files and, on a demo node, a few demo units and depots. Inserts only codes that
 * are absent and never overwrites, so a restart adds nothing and keeps operators' edits.
 */
final class Seeder {
    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);
    static final String MINISTRY_CODE = "MPS";
    static final String CATEGORIES = "org/tongpao/core/data/categories.csv";
    static final String CATALOGUE = "org/tongpao/core/data/catalogue.csv";

    private final DataSource ds;
    private final NodeIdentity node;
    private final ProvinceRegistry provinces;
    private final Caller system = Caller.system("seed");
    private int inserted;

    Seeder(DataSource ds, NodeIdentity node, ProvinceRegistry provinces) {
        this.ds = ds;
        this.node = node;
        this.provinces = provinces;
    }

    void seed() {
        inserted = 0;
        Transactions.inTransaction(ds, c -> {
            seedCatalogue(c);
            seedUnits(c);
            if (node.demo()) {
                seedDemo(c);
            }
            return null;
        });
        LOG.info("Seeding done: {} record(s) added", inserted);
    }

    private void seedCatalogue(Connection c) throws SQLException {
        List<Map<String, String>> cats = Csv.read(CATEGORIES);
        for (int i = 0; i < cats.size(); i++) {
            Map<String, String> r = cats.get(i);
            if (!ItemDao.categoryExists(c, r.get("code"))) {
                Category cat = new Category(r.get("code"), r.get("name_zh"), r.get("name_en"));
                ItemDao.insertCategory(c, cat, i + 1);
                audit(c, "category", cat.code(), cat);
            }
        }
        for (Map<String, String> r : Csv.read(CATALOGUE)) {
            if (ItemDao.TABLE.findByCode(c, r.get("code")).isEmpty()) {
                String months = r.get("shelf_life_months");
                long id = ItemDao.insert(c, r.get("code"), r.get("category"), r.get("item"), r.get("item_zh"),
                        r.get("unit"), r.get("standard"), months == null ? null : Integer.valueOf(months));
                audit(c, "item", Long.toString(id), ItemDao.TABLE.find(c, id).orElseThrow());
            }
        }
    }

    private void seedUnits(Connection c) throws SQLException {
        OrgUnit ministry = unit(c, MINISTRY_CODE, "Ministry equipment and finance bureau", "装备财务局",
                OrgLevel.MINISTRY, null, null, false);
        for (Province p : provinces.list()) {
            unit(c, departmentCode(p.code()), departmentName(p), departmentNameZh(p), OrgLevel.PROVINCE, ministry,
                    p.code(), false);
        }
    }

    private void seedDemo(Connection c) throws SQLException {
        OrgUnit ministry = OrgUnitDao.TABLE.findByCode(c, MINISTRY_CODE).orElseThrow();
        OrgUnit hubei = OrgUnitDao.TABLE.findByCode(c, departmentCode("42")).orElseThrow();
        OrgUnit jiangsu = OrgUnitDao.TABLE.findByCode(c, departmentCode("32")).orElseThrow();
        OrgUnit wuhan = unit(c, "P42-WUHAN", "Wuhan Municipal Public Security Bureau", "武汉市公安局",
                OrgLevel.PREFECTURE, hubei, null, false);
        OrgUnit jiangan = unit(c, "P42-WUHAN-JIANGAN", "Jiang'an District Public Security Sub-bureau",
                "武汉市公安局江岸区分局", OrgLevel.COUNTY, wuhan, null, false);
        unit(c, "P42-WUHAN-JIANGAN-T01", "Jiang'an front-line epidemic response team", "江岸区一线防疫工作队",
                OrgLevel.STATION, jiangan, null, true);
        unit(c, "P32-NANJING", "Nanjing Municipal Public Security Bureau", "南京市公安局", OrgLevel.PREFECTURE,
                jiangsu, null, false);
        depot(c, "CENTRAL-RESERVE", "Central reserve depot", ministry, "Beijing");
        depot(c, "HB-PROV-01", "Hubei provincial warehouse", hubei, "Wuhan, Hubei");
        depot(c, "HB-WH-01", "Wuhan city bureau store", wuhan, "Wuhan, Hubei");
        depot(c, "JS-PROV-01", "Jiangsu provincial warehouse", jiangsu, "Nanjing, Jiangsu");
    }

    static String departmentCode(String province) {
        return "P" + province;
    }

    static String departmentName(Province p) {
        return switch (p.kind()) {
            case "municipality" -> p.nameEn() + " Municipal Public Security Bureau";
            case "autonomous region" -> p.nameEn() + " Autonomous Region Public Security Department";
            default -> p.nameEn() + " Provincial Public Security Department";
        };
    }

    static String departmentNameZh(Province p) {
        // municipalities have a bureau (北京市公安局), provinces and regions a department (湖北省公安厅)
        return p.nameZh() + ("municipality".equals(p.kind()) ? "公安局" : "公安厅");
    }

    private OrgUnit unit(Connection c, String code, String name, String nameZh, OrgLevel level, OrgUnit parent,
            String province, boolean frontLine) throws SQLException {
        var existing = OrgUnitDao.TABLE.findByCode(c, code);
        if (existing.isPresent()) {
            return existing.get();
        }
        String derived = province != null ? province : parent == null ? null : parent.provinceCode();
        long id = OrgUnitDao.insert(c, code, name, nameZh, level, parent == null ? null : parent.id(), derived,
                frontLine);
        OrgUnit created = OrgUnitDao.TABLE.find(c, id).orElseThrow();
        audit(c, "orgunit", Long.toString(id), created);
        return created;
    }

    private void depot(Connection c, String code, String name, OrgUnit owner, String address) throws SQLException {
        if (DepotDao.TABLE.findByCode(c, code).isEmpty()) {
            long id = DepotDao.insert(c, code, name, owner.id(), owner.provinceCode(), address);
            audit(c, "depot", Long.toString(id), DepotDao.TABLE.find(c, id).orElseThrow());
        }
    }

    private void audit(Connection c, String entity, String id, Object after) throws SQLException {
        inserted++;
        AuditRows.insert(c, node.id(), system, entity, id, "CREATED", null, after);
    }
}
