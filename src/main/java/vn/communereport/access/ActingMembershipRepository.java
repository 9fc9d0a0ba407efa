package vn.communereport.access;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActingMembershipRepository extends JpaRepository<ActingMembership, ActingMembership.Key> {
}
