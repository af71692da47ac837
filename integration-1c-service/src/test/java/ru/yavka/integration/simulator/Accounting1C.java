package ru.yavka.integration.simulator;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 1C:Бухгалтерия's standard OData v3 interface, as far as Yavka uses it: entity sets with
 * {@code Ref_Key}, {@code (guid'…')} keys, {@code $format=json}, {@code $filter=<field> eq '<value>'},
 * {@code $select}, creation by POST, {@code /Post()} on documents, and {@code {"odata.error":…}}.
 */
final class Accounting1C {

    static final UUID ORGANIZATION = UUID.fromString("5e1c0000-0000-4000-8000-000000000001");
    static final UUID DEFAULT_SERVICE = UUID.fromString("5e1c0000-0000-4000-8000-000000000100");
    static final String ORGANIZATIONS = "Catalog_Организации";
    static final String NOMENCLATURE = "Catalog_Номенклатура";
    static final String COUNTERPARTIES = "Catalog_Контрагенты";
    static final String SALES = "Document_РеализацияТоваровУслуг";

    private static final Pattern KEYED = Pattern.compile("^([^()/]+)\\(guid'([0-9a-fA-F-]{36})'\\)(/Post\\(\\))?$");
    private static final Pattern FILTER = Pattern.compile("^\\s*([\\p{L}\\p{N}_]+)\\s+eq\\s+'((?:[^']|'')*)'\\s*$");

    private final ObjectMapper mapper;
    private final Map<String, Map<UUID, ObjectNode>> sets = new LinkedHashMap<>();
    private final Map<UUID, Integer> postCalls = new LinkedHashMap<>();
    private int numbers;

    Accounting1C(ObjectMapper mapper) {
        this.mapper = mapper;
        reset();
    }

    synchronized void reset() {
        sets.clear();
        postCalls.clear();
        numbers = 0;
        for (String set : List.of(ORGANIZATIONS, NOMENCLATURE, COUNTERPARTIES, SALES)) {
            sets.put(set, new LinkedHashMap<>());
        }
        ObjectNode org = mapper.createObjectNode().put("Ref_Key", ORGANIZATION.toString())
                .put("Description", "ООО «Клиника Явка»").put("DeletionMark", false);
        sets.get(ORGANIZATIONS).put(ORGANIZATION, org);
        ObjectNode service = mapper.createObjectNode().put("Ref_Key", DEFAULT_SERVICE.toString())
                .put("Code", "consultation").put("Description", "Приём врача").put("DeletionMark", false);
        sets.get(NOMENCLATURE).put(DEFAULT_SERVICE, service);
    }

    /** {@code resource} is the path after {@code standard.odata/}, still percent-encoded. */
    synchronized Answer handle(String method, String resource, Map<String, String> query, String body) {
        String path = URLDecoder.decode(resource.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!"json".equals(query.get("$format"))) {
            return new Answer(200, "application/atom+xml;type=feed;charset=utf-8",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
        }
        Matcher keyed = KEYED.matcher(path);
        if (keyed.matches()) {
            Map<UUID, ObjectNode> set = sets.get(keyed.group(1));
            if (set == null) {
                return error(404, "Не найден ресурс " + keyed.group(1));
            }
            UUID key = UUID.fromString(keyed.group(2));
            ObjectNode entity = set.get(key);
            if (entity == null) {
                return error(404, "Объект не найден");
            }
            if (keyed.group(3) != null) {
                if (!"POST".equals(method) || !keyed.group(1).startsWith("Document_")) {
                    return error(400, "Post() применим только к документам");
                }
                entity.put("Posted", true);
                postCalls.merge(key, 1, Integer::sum);
                return new Answer(200, Answer.JSON, "");
            }
            if (!"GET".equals(method)) {
                return error(405, "Метод не поддерживается");
            }
            return Answer.ok(withMetadata(entity, keyed.group(1)).toString());
        }
        Map<UUID, ObjectNode> set = sets.get(path);
        if (set == null) {
            return error(404, "Не найден ресурс " + path);
        }
        return switch (method) {
            case "GET" -> list(path, set, query);
            case "POST" -> create(path, set, body);
            default -> error(405, "Метод не поддерживается");
        };
    }

    private Answer list(String name, Map<UUID, ObjectNode> set, Map<String, String> query) {
        List<ObjectNode> matching = new ArrayList<>(set.values());
        String filter = query.get("$filter");
        if (filter != null) {
            Matcher m = FILTER.matcher(filter);
            if (!m.matches()) {
                return error(400, "Неподдерживаемое условие отбора");
            }
            String field = m.group(1);
            String value = m.group(2).replace("''", "'");
            matching.removeIf(e -> !value.equals(e.path(field).asText(null)));
        }
        ObjectNode answer = mapper.createObjectNode();
        answer.put("odata.metadata", "http://1c.local/acc/odata/standard.odata/$metadata#" + name);
        ArrayNode value = answer.putArray("value");
        String select = query.get("$select");
        for (ObjectNode entity : matching) {
            if (select == null) {
                value.add(entity.deepCopy());
            } else {
                ObjectNode picked = value.addObject();
                for (String f : select.split(",")) {
                    if (entity.has(f.strip())) {
                        picked.set(f.strip(), entity.get(f.strip()));
                    }
                }
            }
        }
        return Answer.ok(answer.toString());
    }

    private Answer create(String name, Map<UUID, ObjectNode> set, String body) {
        ObjectNode entity;
        try {
            JsonNode parsed = mapper.readTree(body);
            if (!(parsed instanceof ObjectNode object)) {
                return error(400, "Ожидается объект JSON");
            }
            entity = object;
        } catch (Exception e) {
            return error(400, "Неверный JSON");
        }
        String problem = switch (name) {
            case COUNTERPARTIES -> entity.path("Description").asText("").isBlank() ? "Не заполнено наименование" : null;
            case SALES -> checkSale(entity);
            default -> null;
        };
        if (problem != null) {
            return error(400, problem);
        }
        UUID key = entity.hasNonNull("Ref_Key") ? UUID.fromString(entity.get("Ref_Key").asText()) : UUID.randomUUID();
        if (set.containsKey(key)) {
            return error(409, "Объект с таким ключом уже существует");
        }
        entity.put("Ref_Key", key.toString());
        entity.put("DataVersion", "AAAAAQAAAAA=");
        entity.put("DeletionMark", false);
        if (name.startsWith("Document_")) {
            entity.put("Number", String.format("ЯВ00-%06d", ++numbers));
            entity.put("Posted", false);
            if (!entity.hasNonNull("Date")) {
                entity.put("Date", LocalDateTime.now().withNano(0).toString());
            }
        }
        set.put(key, entity);
        return Answer.json(201, withMetadata(entity, name).toString());
    }

    private String checkSale(ObjectNode doc) {
        if (!sets.get(ORGANIZATIONS).containsKey(uuid(doc.path("Организация_Key").asText()))) {
            return "Не заполнена организация";
        }
        if (!sets.get(COUNTERPARTIES).containsKey(uuid(doc.path("Контрагент_Key").asText()))) {
            return "Не заполнен контрагент";
        }
        JsonNode lines = doc.path("Услуги");
        if (!lines.isArray() || lines.isEmpty()) {
            return "Нет строк в табличной части «Услуги»";
        }
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            if (!sets.get(NOMENCLATURE).containsKey(uuid(line.path("Номенклатура_Key").asText()))) {
                return "Не заполнена номенклатура в строке " + line.path("LineNumber").asText();
            }
            BigDecimal quantity = line.path("Количество").decimalValue();
            BigDecimal price = line.path("Цена").decimalValue();
            BigDecimal sum = line.path("Сумма").decimalValue();
            if (quantity.signum() <= 0 || price.multiply(quantity).compareTo(sum) != 0) {
                return "Неверная сумма в строке " + line.path("LineNumber").asText();
            }
            total = total.add(sum);
        }
        if (total.compareTo(doc.path("СуммаДокумента").decimalValue()) != 0) {
            return "Сумма документа не равна сумме строк";
        }
        return null;
    }

    private ObjectNode withMetadata(ObjectNode entity, String set) {
        ObjectNode copy = mapper.createObjectNode();
        copy.put("odata.metadata", "http://1c.local/acc/odata/standard.odata/$metadata#" + set + "/@Element");
        copy.setAll(entity);
        return copy;
    }

    private Answer error(int status, String message) {
        ObjectNode error = mapper.createObjectNode();
        ObjectNode inner = error.putObject("odata.error");
        inner.put("code", "-1");
        inner.putObject("message").put("lang", "ru").put("value", message);
        return Answer.json(status, error.toString());
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    synchronized void addNomenclature(UUID key, String code, String description) {
        sets.get(NOMENCLATURE).put(key, mapper.createObjectNode().put("Ref_Key", key.toString()).put("Code", code)
                .put("Description", description).put("DeletionMark", false));
    }

    /** For the tests and the bench: documents and counterparties, with how often each document was posted. */
    synchronized ObjectNode dump() {
        ObjectNode out = mapper.createObjectNode();
        ArrayNode docs = out.putArray("documents");
        for (ObjectNode d : sets.get(SALES).values()) {
            UUID key = UUID.fromString(d.get("Ref_Key").asText());
            docs.addObject()
                    .put("key", key.toString())
                    .put("number", d.path("Number").asText())
                    .put("marker", d.path("Комментарий").asText(null))
                    .put("counterparty", d.path("Контрагент_Key").asText())
                    .put("total", d.path("СуммаДокумента").decimalValue())
                    .put("posted", d.path("Posted").asBoolean())
                    .put("postCalls", postCalls.getOrDefault(key, 0))
                    .put("lines", d.path("Услуги").size());
        }
        ArrayNode parties = out.putArray("counterparties");
        for (ObjectNode c : sets.get(COUNTERPARTIES).values()) {
            parties.addObject().put("key", c.get("Ref_Key").asText())
                    .put("marker", c.path("Комментарий").asText(null))
                    .put("kind", c.path("ЮридическоеФизическоеЛицо").asText(null));
        }
        return out;
    }
}
