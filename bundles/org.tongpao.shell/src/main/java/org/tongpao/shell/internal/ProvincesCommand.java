package org.tongpao.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.console.Console;
import org.tongpao.core.console.ConsoleTable;
import org.tongpao.core.ProvinceRegistry;

/** {@code tongpao:provinces [text]} — the 31 provincial-level units and their GB/T 2260 codes. */
@Service
@Command(scope = "tongpao", name = "provinces", description = "Lists provincial-level units (GB/T 2260 codes)")
public class ProvincesCommand implements Action {

    @Argument(name = "text", description = "Only provinces whose code or name contains this text")
    String text;

    @Reference
    ProvinceRegistry provinces;

    @Override
    public Object execute() {
        ConsoleTable.print(new String[] {"Code", "Name", "名称", "Kind"}, provinces.list().stream()
                .filter(p -> text == null || Console.matches(text, p.code(), p.nameEn(), p.nameZh())).toList(),
                p -> new Object[] {p.code(), p.nameEn(), p.nameZh(), p.kind()});
        return null;
    }
}
