package org.tongpao.core.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.Category;
import org.tongpao.core.Item;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;

/** SQL of {@code tp_item} and {@code tp_category}. */
final class ItemDao {
    static final String COLUMNS = "id, code, category_code, name, name_zh, unit, standard, shelf_life_months, "
            + "active, version, created_at, updated_at";

    static final VersionedTable<Item> TABLE = new VersionedTable<>("tp_item", COLUMNS, ItemDao::map);

    private ItemDao() {
    }

    static Item map(ResultSet rs) throws SQLException {
        return new Item(rs.getLong("id"), rs.getString("code"), rs.getString("category_code"), rs.getString("name"),
                rs.getString("name_zh"), rs.getString("unit"), rs.getString("standard"),
                Sql.getInteger(rs, "shelf_life_months"), rs.getBoolean("active"), rs.getLong("version"),
                Sql.getInstant(rs, "created_at"), Sql.getInstant(rs, "updated_at"));
    }

    static List<Category> categories(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT code, name_zh, name_en FROM tp_category ORDER BY sort_order, code", args(),
                rs -> new Category(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en")));
    }

    static boolean categoryExists(Connection c, String code) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_category WHERE code = ?", args(code)) > 0;
    }

    static void insertCategory(Connection c, Category cat, int order) throws SQLException {
        Jdbc.update(c, "INSERT INTO tp_category (code, name_zh, name_en, sort_order) VALUES (?, ?, ?, ?)",
                args(cat.code(), cat.nameZh(), cat.nameEn(), order));
    }

    static long insert(Connection c, String code, String category, String name, String nameZh, String unit,
            String standard, Integer shelfLifeMonths) throws SQLException {
        Instant now = Sql.now();
        return Jdbc.insert(c, "INSERT INTO tp_item (code, category_code, name, name_zh, unit, standard, "
                + "shelf_life_months, active, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                args(code, category, name, nameZh, unit, standard, shelfLifeMonths, true, 1L, now, now));
    }

    static boolean update(Connection c, long id, long version, String category, String name, String nameZh,
            String unit, String standard, Integer shelfLifeMonths) throws SQLException {
        return Jdbc.update(c, "UPDATE tp_item SET category_code = ?, name = ?, name_zh = ?, unit = ?, standard = ?, "
                + "shelf_life_months = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                args(category, name, nameZh, unit, standard, shelfLifeMonths, Sql.now(), id, version)) == 1;
    }
}
