package org.tongpao.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.ItemFilter;

/** {@code tongpao:items} — the item catalogue, filtered by category. */
@Service
@Command(scope = "tongpao", name = "items", description = "Lists catalogue items (masks, suits, goggles, gloves, ...)")
public class ItemsCommand extends ListCommand {

    @Option(name = "--category", aliases = "-c", description = "Category code, e.g. MASK, SUIT, FIELD")
    String category;

    @Reference
    CatalogueService catalogue;

    @Override
    public Object execute() {
        ItemFilter filter = new ItemFilter(category, text, active());
        ConsoleTable.printAll(new String[] {"Id", "Code", "Category", "Name", "名称", "Unit", "Standard",
            "Shelf life (months)", "Active"},
                (limit, cursor) -> catalogue.list(Console.caller(), filter, limit, cursor),
                i -> new Object[] {i.id(), i.code(), i.categoryCode(), i.name(), Console.orDash(i.nameZh()), i.unit(),
                    Console.orDash(i.standard()), Console.orDash(i.shelfLifeMonths()), i.active() ? "yes" : "no"});
        return null;
    }
}
