//! [`wire_object!`], which declares a wire object: its fields, and what both objects do
//! the same way.
//!
//! A module that invokes it imports what the expansion names: the modules `decode`,
//! `encode` and `resolve`, the field types (`Extra`, `Name`, `Text`, `Value`,
//! `Conflicts`), `String`, and serde's `de`, `MapAccess`, `Deserialize`, `Deserializer`,
//! `Serialize` and `Serializer`.

/// Declares a wire object: the fields both objects share, plus the one of its own, and
/// what every object does the same way: decoding, writing back, building from parts, and
/// reading its fields. What differs (the code it names, the object a code documents,
/// `Display`, the accessors) is plain code beside each invocation.
macro_rules! wire_object {
    (
        $(#[$doc:meta])*
        $ty:ident {
            expecting: $expecting:literal,
            code: $code:ident,
            group: $group:ident,
            group_id: $group_id_doc:literal,
            $(
                own: $(#[$own_doc:meta])*
                $own:ident: $own_ty:ty = ($own_key:ident, $own_slot:expr),
            )?
            not: [$($not_key:ident),+],
        }
        $(#[$parts_doc:meta])*
        parts $parts:ident {
            $(#[$last_doc:meta])*
            $last:ident: $last_ty:ty
        } = $store:expr;
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq)]
        #[non_exhaustive]
        pub struct $ty {
            #[doc = $group_id_doc]
            pub group_id: Option<i32>,
            /// `groupName`, as sent (borrowed from the crate when it is the page's
            /// spelling of a group).
            pub group_name: Option<Name>,
            /// `id`
            pub id: Option<i32>,
            /// `name`, as sent (borrowed from the crate when it is a documented name).
            pub name: Option<Name>,
            /// `description`, as sent.
            pub description: Option<Text>,
            $(
                $(#[$own_doc])*
                pub $own: Option<$own_ty>,
            )?
            /// Every other field, and known fields whose value had an unexpected type, in
            /// arrival order.
            pub extra: Extra,
        }

        impl decode::WireObject for $ty {
            const EXPECTING: &'static str = $expecting;

            #[inline]
            fn read<'de, A: MapAccess<'de>>(
                &mut self,
                key: decode::Known,
                map: &mut A,
            ) -> Result<(), A::Error> {
                let $ty {
                    group_id,
                    group_name,
                    id,
                    name,
                    description,
                    $($own,)?
                    extra,
                } = self;
                // A field named twice is an error: its first value is in its slot, or,
                // when it had an unexpected type, in the extra fields.
                macro_rules! once {
                    ($slot:expr) => {
                        if $slot.is_some() || decode::kept_raw(extra, key) {
                            return Err(de::Error::duplicate_field(key.wire_name()));
                        }
                    };
                }
                fn seed<S: decode::Slot>(
                    key: decode::Known,
                    slot: S,
                    extra: &mut Extra,
                ) -> decode::FieldSeed<'_, S> {
                    decode::FieldSeed { key, slot, extra }
                }
                match key {
                    decode::Known::GroupId => {
                        once!(group_id);
                        map.next_value_seed(seed(key, group_id, extra))
                    }
                    decode::Known::GroupName => {
                        once!(group_name);
                        map.next_value_seed(seed(
                            key,
                            decode::NameSlot { field: group_name, known: Self::known_group_name },
                            extra,
                        ))
                    }
                    decode::Known::Id => {
                        once!(id);
                        map.next_value_seed(seed(key, id, extra))
                    }
                    decode::Known::Name => {
                        once!(name);
                        // The id, when it came before the name (as in Infobip's payloads),
                        // names the code whose name to compare first.
                        let hint = *id;
                        map.next_value_seed(seed(
                            key,
                            decode::NameSlot { field: name, known: |v: &str| Self::known_name(v, hint) },
                            extra,
                        ))
                    }
                    decode::Known::Description => {
                        once!(description);
                        map.next_value_seed(seed(key, description, extra))
                    }
                    $(
                        decode::Known::$own_key => {
                            once!($own);
                            map.next_value_seed(seed(key, $own_slot($own), extra))
                        }
                    )?
                    $(decode::Known::$not_key)|+ => {
                        let value: Value = map.next_value()?;
                        decode::push_raw(extra, key, value);
                        Ok(())
                    }
                }
            }

            fn extra_fields(&mut self) -> &mut Extra {
                &mut self.extra
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            #[inline]
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_map(decode::ObjectVisitor(core::marker::PhantomData))
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use encode::FieldValue as _;
                encode::serialize_fields(
                    s,
                    &[
                        (decode::Known::GroupId, self.group_id.get()),
                        (decode::Known::GroupName, self.group_name.get()),
                        (decode::Known::Id, self.id.get()),
                        (decode::Known::Name, self.name.get()),
                        (decode::Known::Description, self.description.get()),
                        $((decode::Known::$own_key, self.$own.get()),)?
                    ],
                    &self.extra,
                )
            }
        }

        $(#[$parts_doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct $parts {
            /// `groupId`
            pub group_id: Option<i32>,
            /// `groupName`
            pub group_name: Option<String>,
            /// `id`
            pub id: Option<i32>,
            /// `name`
            pub name: Option<String>,
            /// `description`
            pub description: Option<String>,
            $(#[$last_doc])*
            pub $last: $last_ty,
        }

        impl From<$parts> for $ty {
            /// The object with these fields, as if decoded: documented names are the
            /// crate's own strings.
            fn from(parts: $parts) -> Self {
                let $parts { group_id, group_name, id, name, description, $last } = parts;
                let mut object = $ty {
                    group_id,
                    group_name: group_name.map(|v| {
                        let known = Self::known_group_name(&v);
                        decode::name_from(v, known)
                    }),
                    id,
                    name: name.map(|v| {
                        let known = Self::known_name(&v, id);
                        decode::name_from(v, known)
                    }),
                    description: description.map(Text::from),
                    $($own: None,)?
                    extra: Extra::new(),
                };
                let store: fn(&mut Self, $last_ty) = $store;
                store(&mut object, $last);
                object
            }
        }

        impl $ty {
            /// The crate's own group name equal to a payload's `groupName`.
            #[inline]
            fn known_group_name(v: &str) -> Option<&'static &'static str> {
                decode::known_group_name(v, $group::ALL, $group::name_ref)
            }

            /// The crate's own name equal to a payload's `name`, the object's `id` naming
            /// the code to compare first.
            #[inline]
            fn known_name(v: &str, id: Option<i32>) -> Option<&'static &'static str> {
                decode::known_code_name(v, id, $code::from_wire_id, $code::from_name, $code::name_ref)
            }

            /// The fields that name the code and the group.
            #[inline]
            fn fields(&self) -> resolve::Fields<'_> {
                resolve::Fields {
                    group_id: self.group_id,
                    group_name: self.group_name.as_ref(),
                    id: self.id,
                    name: self.name.as_ref(),
                }
            }

            /// The code and the group, read from every field that names them.
            #[inline]
            pub(crate) fn reading(&self) -> resolve::Reading<$code> {
                resolve::Reading::of(&self.fields())
            }

            /// The fields that disagree with the page: with the code
            /// [`code()`](Self::code) chose, or, when it chose none, `groupId` and
            /// `groupName` with each other. Empty for nearly every payload; log it when
            /// it is not (see [`Conflicts`] for what each field means, and
            /// [`Outcome`](crate::Outcome) for which wins).
            ///
            /// ```
            #[doc = concat!("use infobip_codes::", stringify!($ty), ";")]
            ///
            #[doc = concat!("let agreed = ", stringify!($ty), "::from(infobip_codes::", stringify!($code), "::ALL[0]);")]
            /// assert!(agreed.conflicts().is_empty());
            /// ```
            #[must_use]
            pub fn conflicts(&self) -> Conflicts {
                let fields = self.fields();
                resolve::Reading::<$code>::of(&fields).conflicts(&fields)
            }
        }
    };
}

pub(super) use wire_object;
