package org.tongpao.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Item;
import org.tongpao.core.ItemFilter;
import org.tongpao.core.Page;

/** {@code tongpao:items} — the item catalogue, filtered by category. */
@Service
@Command(scope = "tongpao", name = "items", description = "Lists catalogue items (masks, suits, goggles, gloves, ...)")
public class ItemsCommand implements Action {

    @Option(name = "--category", aliases = "-c", description = "Category code, e.g. MASK, SUIT, FIELD")
    String category;

    @Option(name = "--inactive", description = "Include deactivated items")
    boolean inactive;

    @Argument(name = "text", description = "Only items whose code or name contains this text")
    String text;

    @Reference
    CatalogueService catalogue;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Id", "Code", "Category", "Name", "名称", "Unit", "Standard", "Shelf life (months)", "Active"}) {
            table.column(c);
        }
        ItemFilter filter = new ItemFilter(category, text, inactive ? null : Boolean.TRUE);
        String cursor = null;
        do {
            Page<Item> page = catalogue.list(ShellCaller.get(), filter, 500, cursor);
            for (Item i : page.items()) {
                table.addRow().addContent(i.id(), i.code(), i.categoryCode(), i.name(), Text.orDash(i.nameZh()),
                        i.unit(), Text.orDash(i.standard()), Text.orDash(i.shelfLifeMonths()),
                        i.active() ? "yes" : "no");
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        table.print(System.out);
        return null;
    }
}
