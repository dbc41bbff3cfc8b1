package org.tongpao.core.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.tongpao.core.Province;
import org.tongpao.core.ProvinceRegistry;

/** The 31 provinces from the bundle resource {@code org/tongpao/core/data/provinces.csv}. */
@Component(service = ProvinceRegistry.class)
public class CsvProvinceRegistry implements ProvinceRegistry {
    static final String RESOURCE = "org/tongpao/core/data/provinces.csv";

    private final Map<String, Province> byCode;
    private final List<Province> sorted;

    public CsvProvinceRegistry() {
        Map<String, Province> map = new LinkedHashMap<>();
        Csv.read(RESOURCE).stream()
                .map(r -> new Province(r.get("code"), r.get("name_zh"), r.get("name_en"), r.get("kind")))
                .sorted(Comparator.comparing(Province::code))
                .forEach(p -> map.put(p.code(), p));
        this.byCode = Map.copyOf(map);
        this.sorted = List.copyOf(map.values());
    }

    @Override
    public List<Province> list() {
        return sorted;
    }

    @Override
    public Optional<Province> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }
}
