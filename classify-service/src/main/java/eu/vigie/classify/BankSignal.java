package eu.vigie.classify;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.SignalType;
import eu.vigie.common.vocabulary.Tier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One hash in a bank, with the labels that say what the hashed content is. Unique per bank, type and value. */
@Entity
@Table(name = "bank_signal")
public class BankSignal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "bank_name")
    public String bankName;

    @Enumerated(EnumType.STRING)
    @Column(name = "signal_type")
    public SignalType signalType;

    /** Lower-case hexadecimal: 64 digits for PDQ and SHA-256, 32 for MD5. */
    public String value;

    /** Art. 2(7) categories, comma-separated enum names in declaration order. */
    public String categories = "";

    public String entity;

    @Enumerated(EnumType.STRING)
    public Tier tier;

    /** Where the signal came from (a case, a partner's hash list, ...). */
    public String source;

    /** A disabled signal matches nothing. */
    public boolean enabled;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;

    public List<Category> categoryList() {
        return parseCategories(categories);
    }

    public static String joinCategories(Collection<Category> categories) {
        return categories == null ? ""
                : categories.stream().distinct().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public static List<Category> parseCategories(String joined) {
        return joined == null || joined.isBlank() ? List.of()
                : Arrays.stream(joined.split(",")).map(Category::valueOf).sorted().toList();
    }
}
