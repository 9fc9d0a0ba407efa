package vn.communereport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CommuneReportApplication {
    public static void main(String[] args) {
        SpringApplication.run(CommuneReportApplication.class, args);
    }
}
