package app;

import jakarta.persistence.Embeddable;

@Embeddable
public class PostalAddress {

    private String streetName;
    private String postCode;

    protected PostalAddress() {
    }

    public PostalAddress(String streetName, String postCode) {
        this.streetName = streetName;
        this.postCode = postCode;
    }

    public String getStreetName() {
        return streetName;
    }
}
