package org.tongpao.transport.api;

import org.tongpao.transport.api.internal.Check;

/**
 * A pick-up or delivery point: the Tongpao code of the depot or org unit, its province, and what a
 * driver needs to find it and hand over.
 */
public record Place(String code, String provinceCode, String name, String address, String contactName,
        String contactPhone) {

    public Place {
        code = Check.token(code, "code", 40);
        Check.province(provinceCode, "provinceCode");
        name = Check.line(name, "name", 200);
        address = Check.optionalText(address, "address", 300);
        contactName = Check.optionalLine(contactName, "contactName", 100);
        contactPhone = Check.optionalLine(contactPhone, "contactPhone", 40);
    }
}
