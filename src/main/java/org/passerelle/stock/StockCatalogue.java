package org.passerelle.stock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.coding.Medicine;
import org.passerelle.care.coding.MedicineFormulary;
import org.passerelle.platform.Language;
import org.passerelle.stock.StockViews.Category;
import org.passerelle.stock.StockViews.Entitlement;
import org.passerelle.stock.StockViews.Item;
import org.passerelle.stock.StockViews.KitComponent;
import org.springframework.stereotype.Service;

/**
 * The items stock is kept of: every presentation of the formulary's essential medicines (under its
 * formulary code, counted in its dose unit), and the consumables and goods handed out listed in
 * {@code stock/items.tsv}, kits made of others in {@code stock/kits.tsv}. Read and checked at
 * startup: a bad line stops the application, naming the file and line.
 */
@Service
public class StockCatalogue {

    private static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern ENTITLEMENT = Pattern.compile("^([1-9][0-9]?)/([1-9][0-9]{0,2})$");
    private static final List<String> ITEM_COLUMNS =
            List.of("code", "category", "name_fr", "name_en", "name_ar", "unit", "pack", "entitlement", "kit");
    private static final List<String> KIT_COLUMNS = List.of("kit", "component", "quantity");

    private final Map<String, Item> items;

    StockCatalogue(MedicineFormulary formulary) {
        Map<String, Item> all = new LinkedHashMap<>();
        for (Medicine medicine : formulary.all()) {
            all.put(medicine.code(), medicineItem(medicine));
        }
        Map<String, List<KitComponent>> kits = kits(rows("stock/kits.tsv", KIT_COLUMNS));
        for (List<String> row : rows("stock/items.tsv", ITEM_COLUMNS)) {
            Item item = item(row, kits);
            if (all.put(item.code(), item) != null) {
                throw new IllegalStateException("stock/items.tsv: item " + item.code() + " is listed twice");
            }
        }
        kits.forEach((kit, components) -> components.forEach(component -> {
            if (!all.containsKey(component.itemCode()) || !all.containsKey(kit)) {
                throw new IllegalStateException("stock/kits.tsv: kit " + kit + " names an unknown item");
            }
        }));
        this.items = Map.copyOf(all);
    }

    /** Every item, medicines first, then by code. */
    public List<Item> all() {
        return items.values().stream()
                .sorted(Comparator.comparing(Item::category).thenComparing(Item::code))
                .toList();
    }

    public Optional<Item> find(String code) {
        return Optional.ofNullable(items.get(code));
    }

    /** The item, or a refusal naming {@code field}. */
    Item require(String field, String code) {
        return find(code).orElseThrow(() -> StockProblems.unknownItem(field));
    }

    private static Item medicineItem(Medicine medicine) {
        String unit = medicine.unit().code();
        String name = medicine.nameFr() + " " + medicine.strength();
        return new Item(
                medicine.code(),
                Category.MEDICINE,
                name,
                medicine.nameEn() + " " + medicine.strength(),
                medicine.name(Language.AR) + " " + medicine.strength(),
                unit,
                1,
                null,
                List.of());
    }

    private static Item item(List<String> row, Map<String, List<KitComponent>> kits) {
        String code = code(row.get(0));
        Category category = Category.valueOf(row.get(1));
        if (category == Category.MEDICINE) {
            throw new IllegalStateException("stock/items.tsv: medicines come from the formulary, not " + code);
        }
        boolean kit = "kit".equals(row.get(8));
        if (kit != kits.containsKey(code)) {
            throw new IllegalStateException("stock/items.tsv: kit " + code + " and stock/kits.tsv disagree");
        }
        return new Item(
                code,
                category,
                row.get(2),
                row.get(3),
                row.get(4),
                row.get(5),
                Integer.parseInt(row.get(6)),
                entitlement(row.get(7)),
                kits.getOrDefault(code, List.of()));
    }

    private static @Nullable Entitlement entitlement(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        var matcher = ENTITLEMENT.matcher(cell);
        if (!matcher.matches()) {
            throw new IllegalStateException("stock/items.tsv: entitlement " + cell + " is not like 1/30");
        }
        return new Entitlement(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    private static Map<String, List<KitComponent>> kits(List<List<String>> rows) {
        Map<String, List<KitComponent>> kits = new LinkedHashMap<>();
        for (List<String> row : rows) {
            kits.computeIfAbsent(code(row.get(0)), kit -> new ArrayList<>())
                    .add(new KitComponent(code(row.get(1)), Integer.parseInt(row.get(2))));
        }
        return kits;
    }

    private static String code(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalStateException("stock catalogue: " + code + " is not a code of lower-case words");
        }
        return code;
    }

    private static List<List<String>> rows(String resource, List<String> header) {
        try (InputStream in = StockCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<List<String>> rows = new ArrayList<>();
            boolean headerSeen = false;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.split("\t", -1)).stream()
                        .map(String::strip)
                        .toList();
                if (cells.size() != header.size()) {
                    throw new IllegalStateException(
                            resource + ": a line has " + cells.size() + " columns, not " + header.size() + ": " + line);
                }
                if (!headerSeen) {
                    if (!cells.equals(header)) {
                        throw new IllegalStateException(resource + ": the header is not " + header);
                    }
                    headerSeen = true;
                } else {
                    rows.add(cells);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
