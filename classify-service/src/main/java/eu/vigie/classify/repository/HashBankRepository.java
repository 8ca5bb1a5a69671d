package eu.vigie.classify.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.classify.HashBank;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class HashBankRepository implements PanacheRepositoryBase<HashBank, String> {

    public List<HashBank> listAllOrdered() {
        return list("order by name");
    }
}
