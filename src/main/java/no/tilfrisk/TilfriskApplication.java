package no.tilfrisk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TilfriskApplication {

    public static void main(String[] args) {
        SpringApplication.run(TilfriskApplication.class, args);
    }
}
