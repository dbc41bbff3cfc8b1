package org.tongpao.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tongpao.core.Province;
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
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        table.column("名称");
        table.column("Kind");
        for (Province p : provinces.list()) {
            if (text == null || Text.matches(text, p.code(), p.nameEn(), p.nameZh())) {
                table.addRow().addContent(p.code(), p.nameEn(), p.nameZh(), p.kind());
            }
        }
        table.print(System.out);
        return null;
    }
}
